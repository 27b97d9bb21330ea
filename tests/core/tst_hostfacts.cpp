// tst_hostfacts: the machine's facts a lesson reads live (HostFacts.h): the effective uid, and
// kernel settings under /proc/sys read as Python's open().read() reads them, with any name
// that could lead outside /proc/sys refused before anything is opened.
#include <HostFacts.h>

#include <QFile>
#include <QtTest>

#include <cerrno>
#include <unistd.h>

using namespace socketlab;

class TestHostFacts : public QObject {
    Q_OBJECT

private slots:
    void effectiveUidIsTheProcesss()
    {
        QCOMPARE(effectiveUid(), static_cast<unsigned>(::geteuid()));
    }

    void kernelSettingIsTheFileText()
    {
        QFile file(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("no /proc/sys/net/ipv4/ip_local_port_range here");
        const auto text = readKernelSetting("net/ipv4/ip_local_port_range");
        QVERIFY(text);
        QCOMPARE(QByteArray::fromStdString(*text), file.readAll());
    }

    void namesOutsideProcSysAreRefused()
    {
        for (const char *name : {"../../etc/passwd", "net/ipv4/../../../etc/passwd", "/etc/passwd", "", "net/ipv4/ip local"}) {
            const auto r = readKernelSetting(name);
            QVERIFY2(!r, name);
            QCOMPARE(r.error().code(), EINVAL);
        }
        QCOMPARE(readKernelSetting("net/ipv4/no_such_setting").error().code(), ENOENT);
    }
};

QTEST_GUILESS_MAIN(TestHostFacts)
#include "tst_hostfacts.moc"
