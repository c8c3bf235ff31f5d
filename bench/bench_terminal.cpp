// Terminal throughput: a large `cat` of mixed text (plain lines, SGR colours, UTF-8 with CJK
// wide characters, long wrapping lines) through TerminalWidget, in the 64 KiB chunks an SSH
// channel delivers, with the per-frame flush and a paint of the damaged rows after each chunk
// (the widget is shown on the offscreen platform, so painting really rasterises glyphs).
// Reports MB/s (bytes_per_second). Run: QT_QPA_PLATFORM=offscreen build/release/bin/bench_terminal
#include "console/terminalwidget.h"

#include <benchmark/benchmark.h>
#include <QApplication>
#include <QRandomGenerator>

namespace {

QByteArray mixedText(qsizetype bytes) {
    QByteArray out;
    out.reserve(bytes + 256);
    QRandomGenerator rng(42);
    int line = 0;
    while (out.size() < bytes) {
        switch (line++ % 6) {
        case 0:
            out += "Nov 28 09:00:01 aks-nodepool1-12345678-vmss000002 kubelet[2841]: I1128 "
                   "09:00:01.512345 2841 server.go:416] \"Kubelet version\" v1.29.4\r\n";
            break;
        case 1:
            out += "\x1b[01;34mdrwxr-xr-x\x1b[0m  2 root root  4096 Nov 28 \x1b[01;32mbin\x1b[0m "
                   "\x1b[38;5;208morange\x1b[0m \x1b[38;2;10;200;30mtruecolour\x1b[0m\r\n";
            break;
        case 2:
            out += QStringLiteral(u"日本語のログ行: ノードの状態は正常です — ok ✓\r\n").toUtf8();
            break;
        case 3:
            for (int i = 0; i < 200; ++i) // wraps over two rows
                out += char('a' + rng.bounded(26));
            out += "\r\n";
            break;
        case 4:
            out += "   7       0 vda 125833 12363 5791066 143658 103431 51971 103468184 814669 "
                   "0 81424 978148\r\n";
            break;
        default:
            out += "\x1b[1mbold\x1b[0m \x1b[4munderline\x1b[0m \x1b[7mreverse\x1b[0m plain text "
                   "to the end of the line\r\n";
            break;
        }
    }
    return out;
}

const QByteArray &corpus() {
    static const QByteArray data = mixedText(10 * 1024 * 1024);
    return data;
}

void feed(benchmark::State &state, bool paint) {
    const QByteArray &data = corpus();
    constexpr qsizetype chunk = 64 * 1024;
    for (auto _ : state) {
        nt::ui::TerminalWidget terminal;
        terminal.resize(terminal.cellSize().width() * 120, terminal.cellSize().height() * 40);
        if (paint)
            terminal.show();
        for (qsizetype at = 0; at < data.size(); at += chunk) {
            terminal.addOutput(data.mid(at, chunk));
            terminal.flushOutput();
            if (paint)
                terminal.repaint(); // one frame per chunk: the damaged rows only
        }
        benchmark::DoNotOptimize(terminal.cursorPosition());
        state.counters["scrollback_lines"] = terminal.scrollbackLines();
    }
    state.SetBytesProcessed(state.iterations() * data.size());
}

void BM_TerminalCatWithPaint(benchmark::State &state) {
    feed(state, true);
}
void BM_TerminalCatParseOnly(benchmark::State &state) {
    feed(state, false);
}

BENCHMARK(BM_TerminalCatWithPaint)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_TerminalCatParseOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
