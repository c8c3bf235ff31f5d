#!/usr/bin/env python3
"""Carry Chinese translations over to strings that moved to another context.

lupdate keys a message by (context, source, comment). When a string moves to another context
(a tr() helper fixed to the context the program looks it up in), lupdate files it as new and,
with -no-obsolete, drops the old entry with its translation. This takes the translations from
an earlier .ts (for example `git show HEAD:resources/translations/nodetriage_zh_CN.ts`) and fills
every message of the updated .ts that is unfinished or empty and whose source text (and comment)
had exactly one finished translation there. Run update_translations again afterwards so lupdate
writes the file in its own layout.

usage: carry_translations.py OLD.ts NEW.ts     (NEW.ts is updated in place)
"""
import sys
import xml.etree.ElementTree as ET


def key(message):
    comment = message.find('comment')
    return (message.findtext('source'), comment.text if comment is not None else None)


def finished(translation):
    return translation is not None and translation.get('type') not in ('unfinished', 'obsolete',
                                                                       'vanished')


def main(old_path, new_path):
    known = {}
    for message in ET.parse(old_path).getroot().iter('message'):
        translation = message.find('translation')
        if not finished(translation) or (not translation.text and not len(translation)):
            continue
        known.setdefault(key(message), set()).add(ET.tostring(translation, encoding='unicode'))
    tree = ET.parse(new_path)
    filled = ambiguous = left = 0
    for message in tree.getroot().iter('message'):
        translation = message.find('translation')
        if finished(translation) and (translation.text or len(translation)):
            continue
        candidates = known.get(key(message), set())
        if len(candidates) == 1:
            carried = ET.fromstring(next(iter(candidates)))
            tail = translation.tail
            translation.clear()
            translation.text, translation.tail = carried.text, tail
            translation.extend(list(carried))
            translation.attrib.update({k: v for k, v in carried.attrib.items() if k != 'type'})
            filled += 1
        elif candidates:
            ambiguous += 1
        else:
            left += 1
    tree.write(new_path, encoding='utf-8', xml_declaration=True)
    print(f'{filled} carried over, {ambiguous} with differing translations, {left} still unfinished')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
