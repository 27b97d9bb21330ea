// bench_window: the window's own figures (issue 18), offscreen.
//
// Cold start: this program started again as a child that opens the main window on a lab with
// every built-in lab loaded, and says when the window first painted; the reference is the same
// child opening a bare QMainWindow, so `cold_start_ratio` (bare / ours, in time) says how much
// of a start is SocketLab's own, whatever the machine's disk and load. Paired runs, A B A B.
//
// A classroom: the chat capstone with 200 scripted clients chatting at full speed, measured as
// tst_chatclassroom runs it: the GUI thread's work between two 5 ms ticks (p99 and max: a
// freeze shows here, other processes on the machine do not), the longest wall-clock gap (a GUI
// waiting on a socket would show here), how often the socket table was refreshed, and RSS.
#include "../bench_support.h"
#include "../paired_runs.h"
#include "GuiStallProbe.h"

#include <LabLoader.h>
#include <MainWindow.h>
#include <PaneRunner.h>
#include <PaneView.h>

#include <socketserver/ForkHelper.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace socketlab;

namespace {

constexpr const char *kFirstPaint = "--first-paint";
constexpr int kStartLimitMs = 30000;

// Never the user's settings; no prediction card holds a pane before its key step.
void keepSettingsApart()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLabBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_window"));
    QSettings().setValue(QStringLiteral("selfStudy/askPredictions"), false);
}

// Says "painted <RSS MB>" once anything of the window has painted, after that whole paint.
class FirstPaint : public QObject {
public:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("painted %.1f\n", bench::residentMB());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    bool m_seen = false;
};

// The child: QApplication, then either SocketLab's window on a lab or a bare window.
int firstPaintChild(int argc, char **argv, bool bare)
{
    QApplication app(argc, argv);
    keepSettingsApart();
    FirstPaint firstPaint;
    app.installEventFilter(&firstPaint);
    std::unique_ptr<QMainWindow> window;
    LabCatalog catalog;
    if (bare) {
        window = std::make_unique<QMainWindow>();
        window->setCentralWidget(new QLabel(QStringLiteral("SocketLab")));
    } else {
        catalog.loadFrom(LabCatalog::builtInRoot());
        window = std::make_unique<MainWindow>(catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
    }
    window->resize(1280, 800);
    window->show();
    return app.exec();
}

// One start of the child, timed from the spawn to its "painted" line.
struct Start {
    double seconds = 0;
    double residentMB = 0;
};

Start startChild(bool bare)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(kFirstPaint), bare ? QStringLiteral("bare") : QStringLiteral("app")});
    Start start;
    while (!child.canReadLine() && child.waitForReadyRead(kStartLimitMs)) {
    }
    const QByteArray line = child.readLine().trimmed();
    start.seconds = clock.nsecsElapsed() / 1e9;
    if (!line.startsWith("painted ")) {
        child.kill();
        child.waitForFinished(kStartLimitMs);
        bench::recordFailure("bench_window: the child never painted (" + child.errorString().toStdString() + "): "
                             + child.readAllStandardError().toStdString());
        return start;
    } else {
        start.residentMB = line.mid(8).toDouble();
    }
    child.waitForFinished(kStartLimitMs);
    return start;
}

void coldStart()
{
    std::vector<double> residentMB;
    std::vector<bench::PairedContender> contenders{
        {"cold_start", [&] {
             const Start s = startChild(false);
             residentMB.push_back(s.residentMB);
             return bench::RunFigures{s.seconds > 0 ? 1 / s.seconds : 0, 1};
         }, {}, {}},
        {"cold_start_bare", [] {
             const Start s = startChild(true);
             return bench::RunFigures{s.seconds > 0 ? 1 / s.seconds : 0, 1};
         }, {}, {}},
    };
    bench::runPairs(contenders);
    const auto medianSeconds = [](const bench::PairedContender &c) {
        std::vector<double> seconds;
        for (double perSecond : c.values)
            seconds.push_back(perSecond > 0 ? 1 / perSecond : 0);
        return bench::median(seconds);
    };
    bench::printFigure("cold_start_first_paint_s", medianSeconds(contenders[0]), 3, "s");
    bench::printFigure("cold_start_bare_first_paint_s", medianSeconds(contenders[1]), 3, "s");
    bench::printPairRatio("cold_start", contenders[0], contenders[1], bench::CpuFigures::Omit);
    bench::printFigure("cold_start_rss_MB", bench::median(residentMB), 1, "MB");
}

bool classroom(double scale)
{
    const int clients = 200;
    const int lines = std::max(10, int(150 * scale));
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    MainWindow window(catalog, QStringLiteral("en"), QStringLiteral("chat-capstone"));
    window.resize(1280, 800);
    window.show();
    PaneRunner *server = window.paneView(QStringLiteral("server"))->runner();
    PaneRunner *client = window.paneView(QStringLiteral("client"))->runner();
    PaneRunner *load = window.paneView(QStringLiteral("load"))->runner();
    if (!server->setParam(QStringLiteral("port"), QStringLiteral("0")).isEmpty()
        || !load->setParam(QStringLiteral("clients"), QString::number(clients)).isEmpty()
        || !load->setParam(QStringLiteral("rate"), QStringLiteral("100")).isEmpty()
        || !load->setParam(QStringLiteral("count"), QString::number(lines)).isEmpty()) {
        bench::recordFailure("bench_window: the chat capstone refused its classroom parameters");
        return false;
    }
    window.runAllAction()->trigger();
    client->sendInput(QStringLiteral("teacher"));
    if (!QTest::qWaitFor([&] { return load->state() == PaneRunner::State::Paused; }, 20000)) {
        bench::recordFailure("bench_window: the classroom never got ready to run");
        return false;
    }

    testsupport::GuiStallProbe probe;
    // The refresh rate from the intervals between refreshes (a count over the window would
    // be off by up to one refresh at each end), and the longest interval.
    std::vector<qint64> refreshesNs;
    QElapsedTimer sinceStart;
    bool measuring = false;
    QObject::connect(&window, &MainWindow::viewsRefreshed, &window, [&] {
        if (measuring)
            refreshesNs.push_back(sinceStart.nsecsElapsed());
    });
    probe.start();
    sinceStart.start();
    measuring = true;
    load->run();
    const bool finished = QTest::qWaitFor([&] { return load->state() == PaneRunner::State::Finished; }, 300000);
    probe.stop();
    measuring = false;
    window.resetAction()->trigger();
    if (!finished) {
        bench::recordFailure("bench_window: the classroom did not finish within 5 minutes");
        return false;
    }
    const double seconds = probe.measuredMs() / 1000.0;
    bench::printFigure("window_200_clients_seconds", seconds, 2, "s");
    bench::printFigure("window_200_clients_gui_work_p99_ms", probe.workPercentileMs(0.99), 1, "ms");
    bench::printFigure("window_200_clients_gui_work_max_ms", double(probe.worstWorkMs()), 0, "ms");
    bench::printFigure("window_200_clients_gui_gap_max_ms", double(probe.worstGapMs()), 0, "ms");
    qint64 longestNs = 0;
    for (std::size_t i = 1; i < refreshesNs.size(); ++i)
        longestNs = std::max(longestNs, refreshesNs[i] - refreshesNs[i - 1]);
    const double spanS = refreshesNs.size() > 1 ? double(refreshesNs.back() - refreshesNs.front()) / 1e9 : 0;
    bench::printFigure("window_200_clients_refresh_hz", spanS > 0 ? double(refreshesNs.size() - 1) / spanS : 0, 1, "Hz");
    bench::printFigure("window_200_clients_refresh_gap_max_ms", double(longestNs) / 1e6, 0, "ms");
    bench::printFigure("window_200_clients_rss_MB", bench::residentMB(), 1, "MB");
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], kFirstPaint) == 0)
        return firstPaintChild(argc, argv, std::strcmp(argv[2], "bare") == 0);

    socketserver::ForkHelper::startFromMain();  // as main() does: before Qt starts threads
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    keepSettingsApart();
    const double scale = bench::startRun();
    if (bench::selected("start"))
        coldStart();
    if (bench::selected("classroom") && !bench::failed())
        classroom(scale);
    if (bench::failed()) {
        std::fprintf(stderr, "%s\n", bench::failureMessage().c_str());
        return 1;
    }
    return 0;
}
