// The Prometheus text format parser against hand-written exposition lines (escapes, special
// values, timestamps, typed families, malformed lines) and a real node_exporter scrape.
#include "metrics/textformat.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>

#include <cmath>
#include <memory>

using namespace nt;

namespace {

QByteArray bytes(std::string_view v) {
    return QByteArray(v.data(), qsizetype(v.size()));
}

QByteArray joinLabels(const Sample &s) {
    QByteArrayList parts;
    for (const Label &l : s.labels)
        parts.append(bytes(l.name) + '=' + bytes(l.value));
    return parts.join(',');
}

} // namespace

class TstTextFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sample_data();
    void sample();
    void malformed_data();
    void malformed();
    void typedFamilies();
    void helpAndComments();
    void filterKeepsOnlyWanted();
    void resultOutlivesBuffer();
    void nodeExporterScrape();
};

void TstTextFormat::sample_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("timestamp"); // -1: none
    const double inf = std::numeric_limits<double>::infinity();

    QTest::addRow("plain") << QByteArray("foo 1\n") << QByteArray("foo") << QByteArray() << 1.0
                           << qint64(-1);
    QTest::addRow("labels and timestamp")
        << QByteArray("http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n")
        << QByteArray("http_requests_total") << QByteArray("method=post,code=200") << 1027.0
        << qint64(1395066363000);
    QTest::addRow("escaped backslash")
        << QByteArray(R"(msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT"} 1.458255915e9)")
        << QByteArray("msdos_file_access_time_seconds") << QByteArray(R"(path=C:\DIR\FILE.TXT)")
        << 1.458255915e9 << qint64(-1);
    QTest::addRow("escaped quote and newline")
        << QByteArray(R"(m{q="say \"hi\"",nl="a\nb"} 2)") << QByteArray("m")
        << QByteArray("q=say \"hi\",nl=a\nb") << 2.0 << qint64(-1);
    QTest::addRow("NaN") << QByteArray("x NaN") << QByteArray("x") << QByteArray()
                         << std::numeric_limits<double>::quiet_NaN() << qint64(-1);
    QTest::addRow("+Inf") << QByteArray("x +Inf") << QByteArray("x") << QByteArray() << inf
                          << qint64(-1);
    QTest::addRow("-Inf") << QByteArray("x -Inf") << QByteArray("x") << QByteArray() << -inf
                          << qint64(-1);
    QTest::addRow("exponent") << QByteArray("x 1.5e-3") << QByteArray("x") << QByteArray() << 0.0015
                              << qint64(-1);
    QTest::addRow("signed capital exponent")
        << QByteArray("x -2E+2") << QByteArray("x") << QByteArray() << -200.0 << qint64(-1);
    QTest::addRow("plus sign") << QByteArray("x +3") << QByteArray("x") << QByteArray() << 3.0
                               << qint64(-1);
    QTest::addRow("negative timestamp") << QByteArray("x 1 -1395066363000") << QByteArray("x")
                                        << QByteArray() << 1.0 << qint64(-1395066363000);
    QTest::addRow("blanks and tabs")
        << QByteArray("  foo {a = \"b\" , c=\"d\"}\t 3 \t") << QByteArray("foo")
        << QByteArray("a=b,c=d") << 3.0 << qint64(-1);
    QTest::addRow("trailing comma") << QByteArray("foo{a=\"b\",} 1") << QByteArray("foo")
                                    << QByteArray("a=b") << 1.0 << qint64(-1);
    QTest::addRow("empty label set")
        << QByteArray("foo{} 2") << QByteArray("foo") << QByteArray() << 2.0 << qint64(-1);
    QTest::addRow("empty label value") << QByteArray("foo{a=\"\"} 2") << QByteArray("foo")
                                       << QByteArray("a=") << 2.0 << qint64(-1);
    QTest::addRow("utf-8 label value")
        << QByteArray("foo{a=\"n\xc3\xb6\xc3\xb0\"} 2") << QByteArray("foo")
        << QByteArray("a=n\xc3\xb6\xc3\xb0") << 2.0 << qint64(-1);
    QTest::addRow("colons in name")
        << QByteArray("job:req:rate5m 4") << QByteArray("job:req:rate5m") << QByteArray() << 4.0
        << qint64(-1);
    QTest::addRow("CRLF") << QByteArray("foo 1\r\n") << QByteArray("foo") << QByteArray() << 1.0
                          << qint64(-1);
    QTest::addRow("no final newline")
        << QByteArray("container_fs_reads_total{device=\"/dev/sda\",id=\"/\"} 1.2345e+06")
        << QByteArray("container_fs_reads_total") << QByteArray("device=/dev/sda,id=/") << 1234500.0
        << qint64(-1);
}

void TstTextFormat::sample() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, labels);
    QFETCH(double, value);
    QFETCH(qint64, timestamp);
    const ParseResult r = parseTextFormat(text);
    QVERIFY2(r.errors.empty(), r.errors.empty() ? "" : qPrintable(r.errors.front().reason));
    QCOMPARE(r.samples.size(), size_t(1));
    const Sample &s = r.samples.front();
    QCOMPARE(bytes(s.name), name);
    QCOMPARE(joinLabels(s), labels);
    if (std::isnan(value))
        QVERIFY(std::isnan(s.value));
    else
        QCOMPARE(s.value, value);
    QCOMPARE(s.timestampMs.value_or(-1), timestamp);
    QCOMPARE(s.kind, SampleKind::Plain);
}

void TstTextFormat::malformed_data() {
    QTest::addColumn<QByteArray>("line");
    // Each line sits between two good ones, so the test also proves the parser carries on.
    QTest::addRow("missing value") << QByteArray("foo");
    QTest::addRow("missing value after labels") << QByteArray("foo{a=\"b\"}");
    QTest::addRow("word as value") << QByteArray("foo abc");
    QTest::addRow("value out of range") << QByteArray("foo 1e999");
    QTest::addRow("two signs") << QByteArray("foo +-1");
    QTest::addRow("fractional timestamp") << QByteArray("foo 1 1.5");
    QTest::addRow("text after timestamp") << QByteArray("foo 1 2 3");
    QTest::addRow("unterminated label set") << QByteArray("foo{a=\"b\" 1");
    QTest::addRow("unterminated label value") << QByteArray("foo{a=\"b} 1");
    QTest::addRow("unknown escape") << QByteArray(R"(foo{a="\q"} 1)");
    QTest::addRow("unquoted label value") << QByteArray("foo{a=b} 1");
    QTest::addRow("missing =") << QByteArray("foo{a\"b\"} 1");
    QTest::addRow("duplicate label") << QByteArray("foo{a=\"1\",a=\"2\"} 1");
    QTest::addRow("label name starts with digit") << QByteArray("foo{1a=\"x\"} 1");
    QTest::addRow("lone comma") << QByteArray("foo{,} 1");
    QTest::addRow("metric name starts with digit") << QByteArray("1foo 1");
    QTest::addRow("binary junk") << QByteArray("\x01\x02\xff\xfe");
    QTest::addRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::addRow("unknown type") << QByteArray("# TYPE foo countr");
    QTest::addRow("bad help escape") << QByteArray(R"(# HELP foo bad \x escape)");
    // h is declared a histogram on the first line of the text.
    QTest::addRow("bucket without le") << QByteArray("h_bucket{a=\"b\"} 1");
    QTest::addRow("bucket with bad le") << QByteArray("h_bucket{le=\"fast\"} 1");
    QTest::addRow("second TYPE") << QByteArray("# TYPE h summary");
    QTest::addRow("TYPE after samples") << QByteArray("# TYPE before gauge");
}

void TstTextFormat::malformed() {
    QFETCH(QByteArray, line);
    const QByteArray text = "# TYPE h histogram\nbefore 1\n" + line + "\nafter 2\n";
    const ParseResult r = parseTextFormat(text);
    QCOMPARE(r.errors.size(), size_t(1));
    QCOMPARE(r.errors.front().line, 3);
    QVERIFY(!r.errors.front().reason.isEmpty());
    QVERIFY(r.find("before"));
    QVERIFY(r.find("after"));
    QCOMPARE(r.samples.size(), size_t(2));
    QCOMPARE(r.lines, 4);
}

void TstTextFormat::typedFamilies() {
    const QByteArray text = R"(# HELP rpc_duration_seconds A summary of the RPC duration in seconds.
# TYPE rpc_duration_seconds summary
rpc_duration_seconds{quantile="0.01"} 3102
rpc_duration_seconds{quantile="0.99"} 76656
rpc_duration_seconds_sum 1.7560473e+07
rpc_duration_seconds_count 2693
# TYPE kubelet_pleg_relist_duration_seconds histogram
kubelet_pleg_relist_duration_seconds_bucket{le="0.005"} 0
kubelet_pleg_relist_duration_seconds_bucket{le="1"} 9
kubelet_pleg_relist_duration_seconds_bucket{le="+Inf"} 10
kubelet_pleg_relist_duration_seconds_sum 3.5
kubelet_pleg_relist_duration_seconds_count 10
# TYPE node_cpu_seconds_total counter
node_cpu_seconds_total{cpu="0",mode="idle"} 1000
)";
    const ParseResult r = parseTextFormat(text);
    QVERIFY(r.errors.empty());
    QCOMPARE(r.families.size(), size_t(3));

    const Family *summary = r.family("rpc_duration_seconds");
    QVERIFY(summary);
    QCOMPARE(summary->type, MetricType::Summary);
    QCOMPARE(summary->help, std::string("A summary of the RPC duration in seconds."));
    QCOMPARE(summary->samples.size(), size_t(4));
    const Sample &q99 = r.samples[summary->samples[1]];
    QCOMPARE(q99.kind, SampleKind::Quantile);
    QCOMPARE(q99.bound, 0.99);
    QCOMPARE(r.samples[summary->samples[2]].kind, SampleKind::Sum);
    QCOMPARE(r.samples[summary->samples[3]].kind, SampleKind::Count);

    const Family *histogram = r.family("kubelet_pleg_relist_duration_seconds");
    QVERIFY(histogram);
    QCOMPARE(histogram->type, MetricType::Histogram);
    QCOMPARE(histogram->samples.size(), size_t(5));
    const Sample &inf = r.samples[histogram->samples[2]];
    QCOMPARE(inf.kind, SampleKind::Bucket);
    QVERIFY(std::isinf(inf.bound) && inf.bound > 0);
    QCOMPARE(inf.value, 10.0);
    QCOMPARE(bytes(inf.name), QByteArray("kubelet_pleg_relist_duration_seconds_bucket"));
    QCOMPARE(r.samples[histogram->samples[3]].kind, SampleKind::Sum);

    const Family *counter = r.family("node_cpu_seconds_total");
    QVERIFY(counter);
    QCOMPARE(counter->type, MetricType::Counter);
    QCOMPARE(r.samples[counter->samples[0]].family, quint32(counter - r.families.data()));
    // A _bucket series with no histogram declared is just an untyped family of that name.
    const ParseResult loose = parseTextFormat("other_bucket{le=\"1\"} 3\n");
    QVERIFY(loose.errors.empty());
    QCOMPARE(loose.samples.front().kind, SampleKind::Plain);
    QVERIFY(loose.family("other_bucket"));
}

void TstTextFormat::helpAndComments() {
    const QByteArray text = "# a free comment\n#\n# HELP foo line one\\nline \\\\ two\n"
                            "# TYPE foo gauge\n# HELP\nfoo 1\n";
    const ParseResult r = parseTextFormat(text);
    QVERIFY(r.errors.empty());
    QCOMPARE(r.families.size(), size_t(1));
    QCOMPARE(r.families.front().help, std::string("line one\nline \\ two"));
    QCOMPARE(r.families.front().type, MetricType::Gauge);
    QCOMPARE(r.samples.size(), size_t(1));

    const ParseResult twice = parseTextFormat("# HELP foo a\n# HELP foo b\nfoo 1\n");
    QCOMPARE(twice.errors.size(), size_t(1));
    QCOMPARE(twice.errors.front().line, 2);
    QCOMPARE(twice.families.front().help, std::string("a"));
}

void TstTextFormat::filterKeepsOnlyWanted() {
    QByteArray text = "# TYPE container_fs_reads_total counter\n";
    for (int i = 0; i < 50; ++i)
        text += "container_fs_reads_total{device=\"/dev/sda\",id=\"/kubepods/pod" +
                QByteArray::number(i) + "\"} " + QByteArray::number(i) + "\n";
    text += "container_fs_reads_total{device=\"/dev/sda\",id=\"/\"} 4242\n";
    int calls = 0;
    const ParseResult r =
        parseTextFormat(text, [&calls](std::string_view name, std::span<const Label> labels) {
            ++calls;
            for (const Label &l : labels) {
                if (l.name == "id")
                    return name == "container_fs_reads_total" && l.value == "/";
            }
            return false;
        });
    QVERIFY(r.errors.empty());
    QCOMPARE(calls, 51);
    QCOMPARE(r.samples.size(), size_t(1));
    QCOMPARE(r.samples.front().value, 4242.0);
    QCOMPARE(r.samples.front().label("device").value_or(""), std::string_view("/dev/sda"));
    const Label match[] = {{"id", "/"}};
    QVERIFY(r.find("container_fs_reads_total", match));
    QCOMPARE(r.family("container_fs_reads_total")->samples.size(), size_t(1));
}

void TstTextFormat::resultOutlivesBuffer() {
    ParseResult r;
    {
        QByteArray text("foo{path=\"a\\\\b\",plain=\"c\"} 1\n");
        r = parseTextFormat(text);
        text.fill('x'); // detaches the caller's copy; the result keeps its own
    }
    QCOMPARE(r.samples.size(), size_t(1));
    QCOMPARE(joinLabels(r.samples.front()), QByteArray("path=a\\b,plain=c"));
    ParseResult moved = std::move(r);
    QCOMPARE(joinLabels(moved.samples.front()), QByteArray("path=a\\b,plain=c"));
}

void TstTextFormat::nodeExporterScrape() {
    const QString binary = QStringLiteral(NT_NODE_EXPORTER_BIN);
    if (!QFile::exists(binary))
        QSKIP("prometheus-node-exporter is not installed");
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QProcess exporter;
    exporter.setProcessChannelMode(QProcess::SeparateChannels);
    // systemd needs a D-Bus this test does not have; everything else works unprivileged.
    exporter.start(binary, {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                            QStringLiteral("--no-collector.systemd")});
    QVERIFY2(exporter.waitForStarted(10000), qPrintable(exporter.errorString()));
    const auto stop = qScopeGuard([&exporter] {
        exporter.terminate();
        if (!exporter.waitForFinished(10000))
            exporter.kill();
    });
    QByteArray log;
    connect(&exporter, &QProcess::readyReadStandardError, this,
            [&] { log += exporter.readAllStandardError(); });
    QTRY_VERIFY_WITH_TIMEOUT(log.contains("Listening on"), 20000);

    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QByteArray body = reply->readAll();
    QVERIFY(body.size() > 1000);

    const ParseResult r = parseTextFormat(body);
    for (const ParseError &e : r.errors)
        qWarning("line %d: %s", e.line, qPrintable(e.reason));
    QVERIFY(r.errors.empty());
    const Family *cpu = r.family("node_cpu_seconds_total");
    QVERIFY(cpu);
    QCOMPARE(cpu->type, MetricType::Counter);
    QVERIFY(!cpu->samples.empty());
    QVERIFY(r.samples[cpu->samples.front()].label("mode").has_value());
    // The exporter describes its own HTTP handling with a summary or histogram; either way the
    // typed samples must have been recognised.
    bool typed = false;
    for (const Sample &s : r.samples)
        typed = typed || s.kind != SampleKind::Plain;
    QVERIFY(typed);
    if (QFile::exists(QStringLiteral("/proc/diskstats")) && r.family("node_disk_io_now"))
        QVERIFY(r.family("node_disk_io_time_seconds_total"));
    if (QFile::exists(QStringLiteral("/proc/pressure/io"))) {
        const Family *io = r.family("node_pressure_io_stalled_seconds_total");
        QVERIFY(io);
        QCOMPARE(io->type, MetricType::Counter);
    }
}

QTEST_GUILESS_MAIN(TstTextFormat)
#include "tst_textformat.moc"
