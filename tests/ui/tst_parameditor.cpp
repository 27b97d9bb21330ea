// tst_parameditor: the pane parameter form on the tcp-timestamp lab's real PaneRunners.
// An out-of-range port typed in is refused with the reason shown in red, the text kept and
// the pane's value unchanged; a valid one reaches the pane and its listing; text fields
// apply on Enter or commit(); the client's port follows the port the server bound, read-only
// while it does; the form is disabled while its pane runs (a real server on a free port)
// and enabled again after Stop and after Reset.
#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <ParamEditor.h>

#include <QLabel>
#include <QLineEdit>
#include <QComboBox>
#include <QSpinBox>
#include <QtTest>

namespace {
constexpr int kWaitMs = 10000;

// "PORT = 8080" and the like: the listing line that shows a parameter.
QString listingLineOf(const PaneRunner &runner, const QString &prefix)
{
    const QStringList lines = runner.listing();
    for (const QString &line : lines) {
        if (line.startsWith(prefix))
            return line;
    }
    return {};
}

void typeInto(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);  // replace, as a learner selecting the old value
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

// Saves what the form looks like when SOCKETLAB_SHOTS names a folder (to look at it).
void shoot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("SOCKETLAB_SHOTS");
    if (dir.isEmpty())
        return;
    // As a narrow side panel lays it out: a given width, the height its wrapped labels need.
    constexpr int kWidth = 380;
    w.resize(kWidth, w.hasHeightForWidth() ? w.heightForWidth(kWidth) : w.sizeHint().height());
    w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
} // namespace

class TestParamEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }

    void fieldsInTheLearnersLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("zh_CN") << "zh_CN";
    }

    void fieldsInTheLearnersLanguage()
    {
        QFETCH(QString, language);
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        ParamEditor editor(server, language);
        editor.resize(420, editor.sizeHint().height());
        editor.show();
        for (const ParamDefinition &p : server->definition().params) {
            QWidget *field = editor.field(p.name);
            QVERIFY2(field, qPrintable(p.name));
            QCOMPARE(qobject_cast<QSpinBox *>(field) != nullptr, p.type == ParamDefinition::Type::Int);
            QCOMPARE(qobject_cast<QLineEdit *>(field) != nullptr, p.type == ParamDefinition::Type::String);
            const auto labels = editor.findChildren<QLabel *>();
            const bool labelled = std::any_of(labels.begin(), labels.end(),
                                              [&](QLabel *l) { return l->buddy() == field && l->text() == p.label.in(language); });
            QVERIFY2(labelled, qPrintable(p.name));
            const QString shown = qobject_cast<QSpinBox *>(field) ? qobject_cast<QSpinBox *>(field)->cleanText()
                                                                  : qobject_cast<QLineEdit *>(field)->text();
            QCOMPARE(shown, server->paramValues().value(p.name));
        }
        QVERIFY(!editor.followLabel(QStringLiteral("port")));  // the server's port follows nothing
        shoot(editor, QStringLiteral("parameditor-server-") + language);
    }

    void refusedPortKeepsTextAndValue()
    {
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        ParamEditor editor(server, QStringLiteral("en"));
        editor.show();
        auto *port = qobject_cast<QSpinBox *>(editor.field(QStringLiteral("port")));
        QVERIFY(port);
        const QString before = server->paramValues().value(QStringLiteral("port"));
        const QString lineBefore = listingLineOf(*server, QStringLiteral("PORT = "));
        QCOMPARE(lineBefore, QStringLiteral("PORT = ") + before);
        QSignalSpy problems(&editor, &ParamEditor::problemsChanged);

        typeInto(port, QStringLiteral("70000"));
        QVERIFY(editor.problemLabel(QStringLiteral("port"))->isVisible());
        QCOMPARE(editor.problemLabel(QStringLiteral("port"))->text(), server->definition().param(QStringLiteral("port"))->check(QStringLiteral("70000")));
        QVERIFY(editor.problemLabel(QStringLiteral("port"))->text().contains(QStringLiteral("65535")));
        QCOMPARE(port->cleanText(), QStringLiteral("70000"));                     // the learner's text stays
        QCOMPARE(server->paramValues().value(QStringLiteral("port")), before);     // the pane's value too
        QCOMPARE(listingLineOf(*server, QStringLiteral("PORT = ")), lineBefore);
        QVERIFY(editor.hasProblems());
        QCOMPARE(problems.count(), 1);
        // Another field applied meanwhile does not wipe the refused text.
        typeInto(editor.field(QStringLiteral("backlog")), QStringLiteral("2"));
        QCOMPARE(server->paramValues().value(QStringLiteral("backlog")), QStringLiteral("2"));
        QCOMPARE(port->cleanText(), QStringLiteral("70000"));
        QVERIFY(!port->hasFocus() && editor.problemLabel(QStringLiteral("port"))->isVisible());
        shoot(editor, QStringLiteral("parameditor-refused-en"));

        typeInto(port, QStringLiteral("8080"));
        QVERIFY(!editor.problemLabel(QStringLiteral("port"))->isVisible());
        QVERIFY(!editor.hasProblems());
        QCOMPARE(problems.count(), 2);
        QCOMPARE(problems.last().at(0).toBool(), false);
        QCOMPARE(server->paramValues().value(QStringLiteral("port")), QStringLiteral("8080"));
        QCOMPARE(listingLineOf(*server, QStringLiteral("PORT = ")), QStringLiteral("PORT = 8080"));
        QCOMPARE(listingLineOf(*server, QStringLiteral("tcpSerSock.listen(")).left(20), QStringLiteral("tcpSerSock.listen(2)"));
    }

    // A parameter with choices is a drop-down of exactly those; picking one changes the
    // listing (the server class in its import line).
    void choicesAreADropDown()
    {
        LabSession session(*m_catalog.find(QStringLiteral("socketserver-concurrency")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        ParamEditor editor(server, QStringLiteral("en"));
        editor.show();
        auto *serverClass = qobject_cast<QComboBox *>(editor.field(QStringLiteral("server")));
        QVERIFY(serverClass);
        const QStringList choices = server->definition().param(QStringLiteral("server"))->choices;
        QCOMPARE(serverClass->count(), choices.size());
        QCOMPARE(serverClass->currentText(), server->paramValues().value(QStringLiteral("server")));
        serverClass->setCurrentIndex(serverClass->findText(QStringLiteral("ThreadingTCPServer")));
        QCOMPARE(server->paramValues().value(QStringLiteral("server")), QStringLiteral("ThreadingTCPServer"));
        QVERIFY(server->listing().join(QLatin1Char('\n')).contains(QStringLiteral("ThreadingTCPServer")));
        QVERIFY(!editor.hasProblems());
    }

    void arrowsStayInRange()
    {
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        ParamEditor editor(server, QStringLiteral("en"));
        auto *port = qobject_cast<QSpinBox *>(editor.field(QStringLiteral("port")));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("65534")), QString());
        QCOMPARE(port->value(), 65534);  // through paramsChanged
        port->stepBy(1);
        port->stepBy(1);
        QCOMPARE(port->value(), 65535);
        QCOMPARE(server->paramValues().value(QStringLiteral("port")), QStringLiteral("65535"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        port->stepBy(-1);
        QCOMPARE(port->value(), 0);
    }

    void textAppliesOnEnterOrCommit()
    {
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        ParamEditor editor(server, QStringLiteral("en"));
        editor.show();
        auto *host = qobject_cast<QLineEdit *>(editor.field(QStringLiteral("host")));
        QVERIFY(host);
        typeInto(host, QStringLiteral("0.0.0.0"));
        QCOMPARE(server->paramValues().value(QStringLiteral("host")), QStringLiteral("0.0.0.0"));
        QCOMPARE(listingLineOf(*server, QStringLiteral("HOST = ")), QStringLiteral("HOST = '0.0.0.0'"));

        // Typed but neither Enter nor leaving the field (a tool bar button takes no focus).
        host->setFocus();
        QTest::keyClick(host, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        auto *bufsize = qobject_cast<QSpinBox *>(editor.field(QStringLiteral("bufsize")));
        bufsize->findChild<QLineEdit *>()->setText(QStringLiteral("0"));  // under its minimum of 1
        QCOMPARE(server->paramValues().value(QStringLiteral("host")), QStringLiteral("0.0.0.0"));
        QVERIFY(!editor.commit());
        QCOMPARE(server->paramValues().value(QStringLiteral("host")), QStringLiteral("127.0.0.1"));
        QCOMPARE(server->paramValues().value(QStringLiteral("bufsize")), QStringLiteral("1024"));
        QVERIFY(editor.problemLabel(QStringLiteral("bufsize"))->isVisible());
        QVERIFY(!editor.problemLabel(QStringLiteral("host"))->isVisible());
    }

    void disabledWhileRunningAndFollowing()
    {
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        ParamEditor serverEditor(server, QStringLiteral("en"));
        ParamEditor clientEditor(client, QStringLiteral("en"));
        serverEditor.show();
        clientEditor.show();
        auto *clientPort = qobject_cast<QSpinBox *>(clientEditor.field(QStringLiteral("port")));
        QLabel *follows = clientEditor.followLabel(QStringLiteral("port"));
        QVERIFY(clientPort && follows);
        QVERIFY(follows->text().contains(QStringLiteral("server.port")));
        QVERIFY(!clientPort->isReadOnly());  // nothing published yet: the learner may choose
        QVERIFY(serverEditor.field(QStringLiteral("port"))->isEnabled());

        // A real server on a port the kernel picks, run to its accept().
        typeInto(serverEditor.field(QStringLiteral("port")), QStringLiteral("0"));
        QCOMPARE(server->paramValues().value(QStringLiteral("port")), QStringLiteral("0"));
        server->start();
        QVERIFY(server->isActive());
        for (const ParamDefinition &p : server->definition().params)
            QVERIFY2(!serverEditor.field(p.name)->isEnabled(), qPrintable(p.name));
        QTRY_VERIFY_WITH_TIMEOUT(client->isFollowing(QStringLiteral("port")), kWaitMs);
        const QString bound = client->paramValues().value(QStringLiteral("port"));
        QVERIFY(bound.toInt() > 0);
        QCOMPARE(clientPort->cleanText(), bound);
        QVERIFY(clientPort->isReadOnly());
        QVERIFY(clientEditor.field(QStringLiteral("host"))->isEnabled());  // the client is not running
        QVERIFY(follows->text().contains(QStringLiteral("read-only")));
        shoot(serverEditor, QStringLiteral("parameditor-running-en"));
        shoot(clientEditor, QStringLiteral("parameditor-following-en"));
        // Typing into the read-only field changes nothing.
        typeInto(clientPort, QStringLiteral("9"));
        QCOMPARE(client->paramValues().value(QStringLiteral("port")), bound);
        QVERIFY(!client->hasOwnValue(QStringLiteral("port")));

        server->stop();
        QVERIFY(!server->isActive());
        QVERIFY(serverEditor.field(QStringLiteral("port"))->isEnabled());
        QVERIFY(!clientPort->isReadOnly());  // the server's port is closed: no longer followed
        QCOMPARE(clientPort->cleanText(), client->paramValues().value(QStringLiteral("port")));

        // And once more, ended by Reset instead of Stop.
        server->start();
        QVERIFY(!serverEditor.field(QStringLiteral("port"))->isEnabled());
        session.reset();
        QVERIFY(serverEditor.field(QStringLiteral("port"))->isEnabled());
    }

    void disabledWhileTheClientRuns()
    {
        // The client waits at input() here: Idle -> Running -> WaitingForInput, all disabled.
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        ParamEditor clientEditor(client, QStringLiteral("en"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        session.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == PaneRunner::State::WaitingForInput, kWaitMs);
        QVERIFY(!clientEditor.field(QStringLiteral("host"))->isEnabled());
        client->closeInput();  // an empty line ends the client: it finishes by itself
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == PaneRunner::State::Finished, kWaitMs);
        QVERIFY(clientEditor.field(QStringLiteral("host"))->isEnabled());
        session.stopAll();
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestParamEditor)
#include "tst_parameditor.moc"
