// tst_labprogress: what a learner reached in each lab, kept in QSettings under a temporary
// path (never the user's own settings). Distinct steps count once however often they
// repeat, and a repeat does not write; unknown labs, panes and steps are ignored; progress
// survives a new instance (a new run of the app); steps a lab no longer has are not
// counted; forget starts a lab afresh, on disk too.
#include <LabLoader.h>
#include <LabProgress.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A lab of two panes, like the timestamp labs but small enough to reach every step by hand.
LabDefinition twoPaneLab()
{
    LabDefinition lab;
    lab.id = QStringLiteral("mini");
    for (const auto &[pane, steps] : {std::pair{QStringLiteral("server"), QStringList{QStringLiteral("bind"), QStringLiteral("accept"), QStringLiteral("recv")}},
                                      std::pair{QStringLiteral("client"), QStringList{QStringLiteral("connect"), QStringLiteral("send")}}}) {
        PaneDefinition p;
        p.id = pane;
        for (const QString &id : steps)
            p.steps.insert(id, StepDefinition{id, 1, {}});
        lab.panes << p;
    }
    return lab;
}

QStringList storedSteps(const QString &labId)
{
    return QSettings().value(QStringLiteral("progress/%1/steps").arg(labId)).toStringList();
}

} // namespace

class TestLabProgress : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Before any QSettings exists: every settings file of this test lives in the temporary folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_labprogress"));
        QVERIFY(QSettings().fileName().startsWith(m_settingsDir.path()));
    }

    void init()
    {
        QSettings().clear();
    }

    void distinctStepsCountOnce()
    {
        LabProgress progress;
        progress.addLab(twoPaneLab());
        QSignalSpy changed(&progress, &LabProgress::changed);
        QCOMPARE(progress.stepCount(QStringLiteral("mini")), 5);
        QCOMPARE(progress.stepsReached(QStringLiteral("mini")), 0);

        for (int i = 0; i < 100; ++i) {
            progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("accept"));
            progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("recv"));
        }
        QCOMPARE(progress.stepsReached(QStringLiteral("mini")), 2);
        QCOMPARE(changed.count(), 2);  // once per new step, not per event
        QCOMPARE(changed.first().at(0).toString(), QStringLiteral("mini"));
        QCOMPARE(progress.fraction(QStringLiteral("mini")), 2.0 / 5.0);
        QVERIFY(progress.reached(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("recv")));
        QVERIFY(!progress.reached(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("bind")));
        QVERIFY(!progress.completed(QStringLiteral("mini")));

        // A client step of the same name as no server step: panes are kept apart.
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("client"), QStringLiteral("connect"));
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("client"), QStringLiteral("send"));
        QVERIFY(!progress.completed(QStringLiteral("mini")));
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("bind"));
        QVERIFY(progress.completed(QStringLiteral("mini")));
        QCOMPARE(progress.fraction(twoPaneLab()), 1.0);
        QCOMPARE(changed.count(), 5);
    }

    void unknownIdsAreIgnored_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<QString>("pane");
        QTest::addColumn<QString>("step");
        QTest::newRow("unknown lab") << "other" << "server" << "accept";
        QTest::newRow("unknown pane") << "mini" << "observer" << "accept";
        QTest::newRow("unknown step") << "mini" << "server" << "listen";
        QTest::newRow("another pane's step") << "mini" << "server" << "connect";
        QTest::newRow("empty") << "" << "" << "";
        QTest::newRow("pane and step joined") << "mini" << "server.accept" << "";
    }

    void unknownIdsAreIgnored()
    {
        QFETCH(QString, lab);
        QFETCH(QString, pane);
        QFETCH(QString, step);
        LabProgress progress;
        progress.addLab(twoPaneLab());
        QSignalSpy changed(&progress, &LabProgress::changed);
        progress.recordStep(lab, pane, step);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(progress.stepsReached(QStringLiteral("mini")), 0);
        QCOMPARE(progress.stepsReached(lab), 0);
        QCOMPARE(progress.fraction(lab), 0.0);
        QVERIFY(!progress.completed(lab));
        QVERIFY(storedSteps(QStringLiteral("mini")).isEmpty());
    }

    void keptAcrossInstances()
    {
        {
            LabProgress first;
            first.addLab(twoPaneLab());
            first.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("bind"));
            first.recordStep(QStringLiteral("mini"), QStringLiteral("client"), QStringLiteral("send"));
        }
        QCOMPARE(storedSteps(QStringLiteral("mini")), (QStringList{QStringLiteral("client.send"), QStringLiteral("server.bind")}));
        LabProgress second;
        QCOMPARE(second.stepsReached(QStringLiteral("mini")), 0);  // not a lab of this instance yet
        second.addLab(twoPaneLab());
        QCOMPARE(second.stepsReached(QStringLiteral("mini")), 2);
        QVERIFY(second.reached(QStringLiteral("mini"), QStringLiteral("client"), QStringLiteral("send")));
        QVERIFY(!second.reached(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("send")));
    }

    void onDiskAfterSync()
    {
        // What a crash or the next start reads is the file itself, not Qt's in-process cache.
        {
            LabProgress progress;
            progress.addLab(twoPaneLab());
            progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("accept"));
        }
        QSettings().sync();
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("[progress]") && text.contains("mini\\steps=server.accept"), text.constData());
    }

    void repeatedStepsDoNotWrite()
    {
        LabProgress progress;
        progress.addLab(twoPaneLab());
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("accept"));
        QCOMPARE(storedSteps(QStringLiteral("mini")), QStringList{QStringLiteral("server.accept")});
        // Someone else changes the stored value; a repeated step must leave it alone.
        QSettings().setValue(QStringLiteral("progress/mini/steps"), QStringList{QStringLiteral("marker")});
        for (int i = 0; i < 1000; ++i)
            progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("accept"));
        QCOMPARE(storedSteps(QStringLiteral("mini")), QStringList{QStringLiteral("marker")});
        // A new step writes, and writes everything reached.
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("recv"));
        QCOMPARE(storedSteps(QStringLiteral("mini")), (QStringList{QStringLiteral("server.accept"), QStringLiteral("server.recv")}));
    }

    void stepsTheLabNoLongerHasAreNotCounted()
    {
        QSettings().setValue(QStringLiteral("progress/mini/steps"),
                             QStringList{QStringLiteral("server.accept"), QStringLiteral("server.gone"), QStringLiteral("nopane.send"),
                                         QStringLiteral("server.accept"), QStringLiteral("garbage")});
        LabProgress progress;
        progress.addLab(twoPaneLab());
        QCOMPARE(progress.stepsReached(QStringLiteral("mini")), 1);
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("client"), QStringLiteral("send"));
        QCOMPARE(storedSteps(QStringLiteral("mini")), (QStringList{QStringLiteral("client.send"), QStringLiteral("server.accept")}));
    }

    void forgetStartsAfresh()
    {
        LabProgress progress;
        progress.addLab(twoPaneLab());
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("accept"));
        QSignalSpy changed(&progress, &LabProgress::changed);
        progress.forget(QStringLiteral("mini"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(progress.stepsReached(QStringLiteral("mini")), 0);
        QCOMPARE(progress.stepCount(QStringLiteral("mini")), 5);  // still a lab it knows
        QVERIFY(!QSettings().contains(QStringLiteral("progress/mini/steps")));
        LabProgress later;
        later.addLab(twoPaneLab());
        QCOMPARE(later.stepsReached(QStringLiteral("mini")), 0);
        // And counting starts again.
        progress.recordStep(QStringLiteral("mini"), QStringLiteral("server"), QStringLiteral("accept"));
        QCOMPARE(progress.stepsReached(QStringLiteral("mini")), 1);
    }

    void builtInLabsCountEveryPaneStep()
    {
        LabCatalog catalog;
        catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(!catalog.labs().isEmpty());
        LabProgress progress;
        progress.setLabs(catalog.labs());
        for (const LabDefinition &lab : catalog.labs()) {
            int steps = 0;
            for (const PaneDefinition &pane : lab.panes)
                steps += int(pane.steps.size());
            QCOMPARE(progress.stepCount(lab.id), steps);
            // Reaching every step, twice, in the order the panes list them, completes the lab.
            for (int round = 0; round < 2; ++round) {
                for (const PaneDefinition &pane : lab.panes) {
                    for (const QString &step : pane.steps.keys())
                        progress.recordStep(lab.id, pane.id, step);
                }
            }
            QCOMPARE(storedSteps(lab.id).size(), steps);
            // Running every step completes a lab only when it has no exercise to pass.
            QVERIFY2(progress.completed(lab.id) == lab.exercises.isEmpty(), qPrintable(lab.id));
            for (const ExerciseDefinition &e : lab.exercises)
                progress.recordExercise(lab.id, e.id, true);
            QVERIFY2(progress.completed(lab.id), qPrintable(lab.id));
        }
    }

    void predictionsExercisesAndHints()
    {
        LabDefinition lab = twoPaneLab();
        for (const char *id : {"p1", "p2", "p3"}) {
            PredictionDefinition p;
            p.id = QLatin1String(id);
            lab.predictions << p;
        }
        for (const char *id : {"e1", "e2"}) {
            ExerciseDefinition e;
            e.id = QLatin1String(id);
            lab.exercises << e;
        }
        {
            LabProgress progress;
            progress.addLab(lab);
            for (const PaneDefinition &pane : lab.panes) {
                for (const QString &step : pane.steps.keys())
                    progress.recordStep(lab.id, pane.id, step);
            }
            QVERIFY(!progress.completed(lab.id));  // every step run, no exercise passed
            progress.recordPrediction(lab.id, QStringLiteral("p1"), false, false);
            progress.recordPrediction(lab.id, QStringLiteral("p1"), false, true);  // the latest answer counts
            progress.recordPrediction(lab.id, QStringLiteral("p2"), true, false);
            progress.recordPrediction(lab.id, QStringLiteral("nope"), false, true);  // unknown: ignored
            progress.recordExercise(lab.id, QStringLiteral("e1"), true);
            progress.recordExercise(lab.id, QStringLiteral("e1"), false);  // once passed, stays passed
            progress.recordHint(lab.id, QStringLiteral("e2"), 1);
            progress.recordHint(lab.id, QStringLiteral("e2"), 2);
            progress.recordHint(lab.id, QStringLiteral("e2"), 1);
            QVERIFY(!progress.completed(lab.id));
        }
        LabProgress again;  // a new run of the app reads it all back
        again.addLab(lab);
        const LabProgress::Summary s = again.summary(lab.id);
        QCOMPARE(s.predictions, 3);
        QCOMPARE(s.predictionsAnswered, 1);
        QCOMPARE(s.predictionsRight, 1);
        QCOMPARE(s.predictionsSkipped, 1);
        QCOMPARE(s.exercises, 2);
        QCOMPARE(s.exercisesPassed, 1);
        QCOMPARE(again.hintsShown(lab.id, QStringLiteral("e2")), 2);
        QCOMPARE(s.hintsUsed, 2);
        QVERIFY(again.exercisePassed(lab.id, QStringLiteral("e1")));
        QVERIFY(!s.completed);
        again.recordExercise(lab.id, QStringLiteral("e2"), true);
        QVERIFY(again.completed(lab.id));

        // The report: JSON a teacher's script reads, Markdown a teacher reads.
        const QJsonObject report = QJsonDocument::fromJson(again.reportJson({lab}, QStringLiteral("Li Lei"))).object();
        QCOMPARE(report.value(QStringLiteral("format")).toString(), QStringLiteral("socketlab-progress/1"));
        QCOMPARE(report.value(QStringLiteral("learner")).toString(), QStringLiteral("Li Lei"));
        const QJsonObject entry = report.value(QStringLiteral("labs")).toArray().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("lab")).toString(), QStringLiteral("mini"));
        QCOMPARE(entry.value(QStringLiteral("completed")).toBool(), true);
        QCOMPARE(entry.value(QStringLiteral("predictions")).toObject().value(QStringLiteral("right")).toInt(), 1);
        QCOMPARE(entry.value(QStringLiteral("exercises")).toObject().value(QStringLiteral("passed")).toInt(), 2);
        QCOMPARE(entry.value(QStringLiteral("hintsUsed")).toInt(), 2);
        const QString markdown = again.reportMarkdown({lab}, QStringLiteral("Li Lei"), QStringLiteral("en"));
        QVERIFY2(markdown.contains(QStringLiteral("| 5 / 5 | 1 / 3 | 2 / 2 | 2 | yes |")), qPrintable(markdown));

        again.forgetAll();
        QCOMPARE(again.summary(lab.id).exercisesPassed, 0);
        QVERIFY(!QSettings().childGroups().contains(QStringLiteral("progress")));
    }

    void repeatedStepsAreCheap()
    {
        // A pane at full speed: the same step over and over. Measured, not asserted on time.
        LabProgress progress;
        progress.addLab(twoPaneLab());
        QSignalSpy changed(&progress, &LabProgress::changed);
        constexpr int kEvents = 1'000'000;
        const QString lab = QStringLiteral("mini"), server = QStringLiteral("server"), client = QStringLiteral("client");
        const QString recv = QStringLiteral("recv"), send = QStringLiteral("send");
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kEvents; ++i)
            progress.recordStep(lab, i % 2 ? server : client, i % 2 ? recv : send);
        const qint64 ns = timer.nsecsElapsed();
        qInfo("recordStep of a step already reached: %.1f ns per call", double(ns) / kEvents);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(progress.stepsReached(lab), 2);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_GUILESS_MAIN(TestLabProgress)
#include "tst_labprogress.moc"
