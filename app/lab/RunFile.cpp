#include "RunFile.h"

#include "JsonWholeNumber.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sys/socket.h>

using namespace socketlab;

namespace {

struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(RunFile)
};

const QByteArray kMagic = "SocketLab run ";  // then the format version, a newline, the checksum line

// --- Writing -------------------------------------------------------------------------

QJsonValue text(const LocalizedText &t)
{
    return QJsonObject{{QStringLiteral("en"), t.en}, {QStringLiteral("zh_CN"), t.zhCN}};
}

QJsonValue address(const SocketAddress &a)
{
    if (!a.isValid())
        return QJsonValue::Null;
    const QString family = a.family() == AF_INET ? QStringLiteral("inet") : a.family() == AF_INET6 ? QStringLiteral("inet6")
                                                                                                  : QStringLiteral("unix");
    return QJsonArray{family, QString::fromStdString(a.host()), a.port()};
}

// Numbers that may not fit a double exactly (nanoseconds, inodes) travel as strings.
QJsonValue big(std::int64_t n)
{
    return QString::number(n);
}

QJsonValue event(const TraceEvent &e, std::int64_t base)
{
    return QJsonArray{big(std::int64_t(e.sequence)), big(e.timeNs - base), double(e.socketId), double(e.relatedSocketId), e.fd,
                      QString::fromLatin1(traceCallName(e.call)), int(e.phase), int(e.errorKind), e.errorCode, big(e.arg),
                      big(e.result), big(e.blockedNs), double(e.flags), address(e.address)};
}

QJsonValue sample(const SocketSample &s, std::int64_t base)
{
    const SocketRecord &r = *s.record;
    const KernelSample &k = s.kernel;
    return QJsonObject{
        {QStringLiteral("id"), double(s.id)},
        {QStringLiteral("owner"), QString::fromStdString(r.owner)},
        {QStringLiteral("family"), r.family},
        {QStringLiteral("type"), r.type},
        {QStringLiteral("inode"), big(std::int64_t(r.inode))},
        {QStringLiteral("counters"), QJsonArray{big(std::int64_t(s.counters.bytesSent)), big(std::int64_t(s.counters.bytesReceived)),
                                                big(std::int64_t(s.counters.messagesSent)), big(std::int64_t(s.counters.messagesReceived)),
                                                big(std::int64_t(s.counters.calls))}},
        {QStringLiteral("state"), int(s.state)},
        {QStringLiteral("blockedIn"), QString::fromLatin1(traceCallName(s.blockedIn))},
        {QStringLiteral("blockedSince"), big(s.blockedSinceNs ? s.blockedSinceNs - base : 0)},
        {QStringLiteral("closedAt"), big(r.closedAtNs.load() ? r.closedAtNs.load() - base : 0)},
        {QStringLiteral("fd"), s.fd},
        {QStringLiteral("local"), address(s.local)},
        {QStringLiteral("peer"), address(s.peer)},
        {QStringLiteral("peerInode"), big(std::int64_t(s.peerInode))},
        {QStringLiteral("peerId"), double(s.peerId)},
        {QStringLiteral("kernel"), QJsonArray{k.available, k.tcpState, k.listening, double(k.acceptQueueLength), double(k.acceptQueueLimit),
                                              big(k.receiveQueue), big(k.sendQueue), k.receiveBuffer, k.sendBuffer, double(k.rttUs)}},
    };
}

// One kernel-only row: kind, TCP state, local, peer, inode, timer, ms left, resends, the two
// queues, the lab's listener and peer.
QJsonValue kernelRow(const KernelOnlySocket &row)
{
    const KernelTcpSocket &k = row.socket;
    return QJsonArray{int(row.kind), k.tcpState, address(k.local), address(k.peer), big(std::int64_t(k.inode)), int(k.timer),
                      big(k.timerMs), k.retransmits, double(k.receiveQueue), double(k.sendQueue), double(row.listenerId),
                      double(row.peerId)};
}

QJsonValue lab(const LabDefinition &l)
{
    QJsonArray panes;
    for (const PaneDefinition &p : l.panes) {
        QJsonObject steps;
        for (const StepDefinition &s : p.steps)
            steps.insert(s.id, QJsonObject{{QStringLiteral("line"), s.line}, {QStringLiteral("explain"), text(s.explanation)}});
        panes.append(QJsonObject{{QStringLiteral("id"), p.id},
                                 {QStringLiteral("title"), text(p.title)},
                                 {QStringLiteral("program"), p.program},
                                 {QStringLiteral("listingFile"), p.listingFile},
                                 {QStringLiteral("listing"), QJsonArray::fromStringList(p.listing)},
                                 {QStringLiteral("steps"), steps}});
    }
    return QJsonObject{{QStringLiteral("id"), l.id},
                       {QStringLiteral("order"), l.order},
                       {QStringLiteral("title"), text(l.title)},
                       {QStringLiteral("lesson"), text(l.lesson)},
                       {QStringLiteral("panes"), panes}};
}

// --- Reading: every value checked, the first problem kept with its place ----------------

class In {
public:
    QString problem;  // empty while all is well

    void fail(const QString &place, const QString &what)
    {
        if (problem.isEmpty())
            problem = Tr::tr("the file is damaged: %1 (%2)").arg(what, place);
    }
    QJsonValue at(const QJsonArray &a, qsizetype i, const QString &place)
    {
        if (i >= a.size()) {
            fail(place, Tr::tr("a value is missing"));
            return {};
        }
        return a.at(i);
    }
    QJsonValue at(const QJsonObject &o, const QString &key, const QString &place)
    {
        if (!o.contains(key)) {
            fail(place + QLatin1Char('.') + key, Tr::tr("a value is missing"));
            return {};
        }
        return o.value(key);
    }
    std::int64_t number(const QJsonValue &v, const QString &place)
    {
        if (v.isDouble()) {
            const std::optional<qint64> n = jsonWholeNumber(v);
            if (!n)
                fail(place, Tr::tr("a number was expected"));
            return n.value_or(0);
        }
        bool ok = false;
        const qlonglong n = v.toString().toLongLong(&ok);
        if (!ok)
            fail(place, Tr::tr("a number was expected"));
        return n;
    }
    QString string(const QJsonValue &v, const QString &place)
    {
        if (!v.isString())
            fail(place, Tr::tr("a text was expected"));
        return v.toString();
    }
    LocalizedText text(const QJsonValue &v, const QString &place)
    {
        const QJsonObject o = v.toObject();
        return {string(at(o, QStringLiteral("en"), place), place + QStringLiteral(".en")), o.value(QStringLiteral("zh_CN")).toString()};
    }
    SocketAddress address(const QJsonValue &v, const QString &place)
    {
        if (v.isNull() || v.isUndefined())
            return {};
        const QJsonArray a = v.toArray();
        const QString family = string(at(a, 0, place), place);
        const std::string host = string(at(a, 1, place), place).toStdString();
        const auto port = static_cast<std::uint16_t>(number(at(a, 2, place), place));
        std::optional<SocketAddress> made = family == QLatin1String("inet")    ? SocketAddress::ipv4(host, port)
                                            : family == QLatin1String("inet6") ? SocketAddress::ipv6(host, port)
                                                                               : SocketAddress::unixPath(host);
        if (!made)
            fail(place, Tr::tr("an address that is none"));
        return made.value_or(SocketAddress());
    }
    TraceCall call(const QString &name, const QString &place)
    {
        for (int c = 0; c <= int(TraceCall::WfileFlush); ++c) {
            if (name == QLatin1String(traceCallName(TraceCall(c))))
                return TraceCall(c);
        }
        fail(place, Tr::tr("a call SocketLab does not know"));
        return TraceCall::None;
    }
    template <typename Enum>
    Enum inRange(std::int64_t n, Enum last, const QString &place)
    {
        if (n < 0 || n > std::int64_t(last))
            fail(place, Tr::tr("a value out of range"));
        return Enum(std::clamp<std::int64_t>(n, 0, std::int64_t(last)));
    }
};

TraceEvent readEvent(In &in, const QJsonValue &v, std::int64_t base, const QString &place)
{
    const QJsonArray a = v.toArray();
    TraceEvent e;
    e.sequence = std::uint64_t(in.number(in.at(a, 0, place), place));
    e.timeNs = in.number(in.at(a, 1, place), place) + base;
    e.socketId = std::uint32_t(in.number(in.at(a, 2, place), place));
    e.relatedSocketId = std::uint32_t(in.number(in.at(a, 3, place), place));
    e.fd = int(in.number(in.at(a, 4, place), place));
    e.call = in.call(in.string(in.at(a, 5, place), place), place);
    e.phase = in.inRange(in.number(in.at(a, 6, place), place), TracePhase::Failed, place);
    e.errorKind = in.inRange(in.number(in.at(a, 7, place), place), ErrorKind::IllegalAddress, place);
    e.errorCode = int(in.number(in.at(a, 8, place), place));
    e.arg = in.number(in.at(a, 9, place), place);
    e.result = in.number(in.at(a, 10, place), place);
    e.blockedNs = in.number(in.at(a, 11, place), place);
    e.flags = std::uint32_t(in.number(in.at(a, 12, place), place));
    e.address = in.address(in.at(a, 13, place), place);
    return e;
}

SocketSample readSample(In &in, const QJsonValue &v, std::int64_t base, const QString &place)
{
    const QJsonObject o = v.toObject();
    auto num = [&](const char *key) { return in.number(in.at(o, QLatin1String(key), place), place + QLatin1Char('.') + QLatin1String(key)); };
    SocketSample s;
    s.id = std::uint32_t(num("id"));
    std::shared_ptr<SocketRecord> r = SocketRecord::replayed(
        s.id, int(num("family")), int(num("type")), in.string(in.at(o, QStringLiteral("owner"), place), place).toStdString(),
        std::uint64_t(num("inode")));
    const QJsonArray counters = in.at(o, QStringLiteral("counters"), place).toArray();
    r->bytesSent = std::uint64_t(in.number(in.at(counters, 0, place), place));
    r->bytesReceived = std::uint64_t(in.number(in.at(counters, 1, place), place));
    r->messagesSent = std::uint64_t(in.number(in.at(counters, 2, place), place));
    r->messagesReceived = std::uint64_t(in.number(in.at(counters, 3, place), place));
    r->calls = std::uint64_t(in.number(in.at(counters, 4, place), place));
    s.counters = SocketCounters::of(*r);
    s.state = in.inRange(num("state"), SocketState::Closed, place);
    s.blockedIn = in.call(in.string(in.at(o, QStringLiteral("blockedIn"), place), place), place);
    const std::int64_t since = num("blockedSince");
    s.blockedSinceNs = since ? since + base : 0;
    const std::int64_t closedAt = num("closedAt");
    r->closedAtNs = closedAt ? closedAt + base : 0;
    r->state = s.state;
    r->blockedIn = s.blockedIn;
    r->blockedSinceNs = s.blockedSinceNs;
    s.fd = int(num("fd"));
    s.local = in.address(in.at(o, QStringLiteral("local"), place), place + QStringLiteral(".local"));
    s.peer = in.address(in.at(o, QStringLiteral("peer"), place), place + QStringLiteral(".peer"));
    s.inode = r->inode;
    s.peerInode = std::uint64_t(num("peerInode"));
    s.peerId = std::uint32_t(num("peerId"));
    const QJsonArray k = in.at(o, QStringLiteral("kernel"), place).toArray();
    s.kernel.available = in.at(k, 0, place).toBool();
    s.kernel.tcpState = int(in.number(in.at(k, 1, place), place));
    s.kernel.listening = in.at(k, 2, place).toBool();
    s.kernel.acceptQueueLength = std::uint32_t(in.number(in.at(k, 3, place), place));
    s.kernel.acceptQueueLimit = std::uint32_t(in.number(in.at(k, 4, place), place));
    s.kernel.receiveQueue = in.number(in.at(k, 5, place), place);
    s.kernel.sendQueue = in.number(in.at(k, 6, place), place);
    s.kernel.receiveBuffer = int(in.number(in.at(k, 7, place), place));
    s.kernel.sendBuffer = int(in.number(in.at(k, 8, place), place));
    s.kernel.rttUs = std::uint32_t(in.number(in.at(k, 9, place), place));
    s.record = r;
    return s;
}

KernelOnlySocket readKernelRow(In &in, const QJsonValue &v, const QString &place)
{
    const QJsonArray a = v.toArray();
    KernelOnlySocket row;
    row.kind = in.inRange(in.number(in.at(a, 0, place), place), KernelOnlySocket::Kind::OtherProcess, place);
    KernelTcpSocket &k = row.socket;
    k.tcpState = int(in.number(in.at(a, 1, place), place));
    k.local = in.address(in.at(a, 2, place), place);
    k.peer = in.address(in.at(a, 3, place), place);
    k.inode = std::uint64_t(in.number(in.at(a, 4, place), place));
    k.timer = in.inRange(in.number(in.at(a, 5, place), place), KernelTimer::ZeroWindowProbe, place);
    k.timerMs = in.number(in.at(a, 6, place), place);
    k.retransmits = int(in.number(in.at(a, 7, place), place));
    k.receiveQueue = std::uint32_t(in.number(in.at(a, 8, place), place));
    k.sendQueue = std::uint32_t(in.number(in.at(a, 9, place), place));
    row.listenerId = std::uint32_t(in.number(in.at(a, 10, place), place));
    row.peerId = std::uint32_t(in.number(in.at(a, 11, place), place));
    return row;
}

LabDefinition readLab(In &in, const QJsonValue &v)
{
    const QString place = QStringLiteral("lab");
    const QJsonObject o = v.toObject();
    LabDefinition l;
    l.id = in.string(in.at(o, QStringLiteral("id"), place), place + QStringLiteral(".id"));
    l.order = int(in.number(in.at(o, QStringLiteral("order"), place), place + QStringLiteral(".order")));
    l.title = in.text(in.at(o, QStringLiteral("title"), place), place + QStringLiteral(".title"));
    l.lesson = in.text(in.at(o, QStringLiteral("lesson"), place), place + QStringLiteral(".lesson"));
    const QJsonArray panes = in.at(o, QStringLiteral("panes"), place).toArray();
    for (qsizetype i = 0; i < panes.size(); ++i) {
        const QString at = QStringLiteral("lab.panes[%1]").arg(i);
        const QJsonObject p = panes.at(i).toObject();
        PaneDefinition pane;
        pane.id = in.string(in.at(p, QStringLiteral("id"), at), at + QStringLiteral(".id"));
        pane.title = in.text(in.at(p, QStringLiteral("title"), at), at + QStringLiteral(".title"));
        pane.program = p.value(QStringLiteral("program")).toString();
        pane.listingFile = p.value(QStringLiteral("listingFile")).toString();
        for (const QJsonValue &line : in.at(p, QStringLiteral("listing"), at).toArray())
            pane.listing << in.string(line, at + QStringLiteral(".listing"));
        const QJsonObject steps = in.at(p, QStringLiteral("steps"), at).toObject();
        for (auto it = steps.begin(); it != steps.end(); ++it) {
            const QString stepAt = at + QStringLiteral(".steps.") + it.key();
            const QJsonObject s = it.value().toObject();
            pane.steps.insert(it.key(), StepDefinition{it.key(), int(in.number(in.at(s, QStringLiteral("line"), stepAt), stepAt)),
                                                       in.text(in.at(s, QStringLiteral("explain"), stepAt), stepAt), false});
        }
        l.panes << pane;
    }
    return l;
}

} // namespace

namespace RunFile {

QByteArray encode(const RunRecording &recording)
{
    const std::int64_t base = recording.startNs();
    QJsonArray frames;
    const std::vector<SocketSample> *before = nullptr;
    const std::vector<KernelOnlySocket> *kernelBefore = nullptr;
    for (const RecordedFrame &f : recording.frames()) {
        QJsonArray events;
        for (const TraceEvent &e : f.events)
            events.append(event(e, base));
        QJsonObject frame{{QStringLiteral("t"), big(f.timeNs - base)}, {QStringLiteral("events"), events}};
        if (f.sockets.get() == before) {
            frame.insert(QStringLiteral("sameSockets"), true);  // nothing changed since the frame before
        } else {
            QJsonArray sockets;
            for (const SocketSample &s : *f.sockets)
                sockets.append(sample(s, base));
            frame.insert(QStringLiteral("sockets"), sockets);
        }
        before = f.sockets.get();
        // Kernel-only rows only when they changed; between, how far their timers counted down.
        if (f.kernelOnly.get() != kernelBefore) {
            QJsonArray rows;
            for (const KernelOnlySocket &row : f.kernelOnly ? *f.kernelOnly : std::vector<KernelOnlySocket>())
                rows.append(kernelRow(row));
            frame.insert(QStringLiteral("kernelOnly"), rows);
        }
        if (f.kernelAgeMs != 0)
            frame.insert(QStringLiteral("kernelAge"), big(f.kernelAgeMs));
        kernelBefore = f.kernelOnly.get();
        frames.append(frame);
    }
    QJsonArray reports;
    for (const PaneReport &r : recording.reports()) {
        reports.append(QJsonArray{big(r.timeNs - base), r.pane, int(r.kind), r.text, r.detail, r.number});
    }
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("socketlab-run")},
                           {QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("app"), QCoreApplication::applicationVersion()},
                           {QStringLiteral("droppedBefore"), big(recording.droppedBeforeNs() ? recording.droppedBeforeNs() - base : 0)},
                           {QStringLiteral("lab"), lab(recording.lab())},
                           {QStringLiteral("frames"), frames},
                           {QStringLiteral("reports"), reports}};
    const QByteArray content = qCompress(QJsonDocument(root).toJson(QJsonDocument::Compact), 6);
    return kMagic + QByteArray::number(kFormatVersion) + "\nsha256 "
           + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n" + content;
}

std::optional<RunRecording> decode(const QByteArray &bytes, QString *error)
{
    auto refuse = [&](const QString &why) {
        *error = why;
        return std::nullopt;
    };
    if (!bytes.startsWith(kMagic))
        return refuse(Tr::tr("this is not a SocketLab run"));
    const qsizetype firstEnd = bytes.indexOf('\n');
    const qsizetype secondEnd = firstEnd < 0 ? -1 : bytes.indexOf('\n', firstEnd + 1);
    bool versionOk = false;
    const int version = firstEnd < 0 ? 0 : bytes.mid(kMagic.size(), firstEnd - kMagic.size()).toInt(&versionOk);
    if (!versionOk || secondEnd < 0)
        return refuse(Tr::tr("this is not a SocketLab run"));
    if (version > kFormatVersion)
        return refuse(Tr::tr("this run was saved by a newer SocketLab (format %1; this one reads up to %2)").arg(version).arg(kFormatVersion));
    const QByteArray checksumLine = bytes.mid(firstEnd + 1, secondEnd - firstEnd - 1);
    const QByteArray content = bytes.mid(secondEnd + 1);
    if (!checksumLine.startsWith("sha256 ")
        || QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() != checksumLine.mid(7))
        return refuse(Tr::tr("the file is damaged: its content does not match its checksum (cut short, or edited)"));
    if (content.size() < 4)
        return refuse(Tr::tr("the file is damaged: no content"));
    // qCompress starts with the unpacked size, big-endian: refuse a size no run of ours reaches.
    const quint32 unpacked = (quint32(quint8(content[0])) << 24) | (quint32(quint8(content[1])) << 16)
                             | (quint32(quint8(content[2])) << 8) | quint32(quint8(content[3]));
    if (qint64(unpacked) > kMaxContentBytes)
        return refuse(Tr::tr("the file is damaged: it claims %1 bytes of content").arg(unpacked));
    const QByteArray json = qUncompress(content);
    if (json.isEmpty())
        return refuse(Tr::tr("the file is damaged: its content cannot be unpacked"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return refuse(Tr::tr("the file is damaged: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("socketlab-run"))
        return refuse(Tr::tr("this is not a SocketLab run"));

    In in;
    // Times were saved from the run's start; a replay only compares them with each other.
    constexpr std::int64_t base = 1'000'000'000;
    RunRecording recording;
    recording.setLab(readLab(in, in.at(root, QStringLiteral("lab"), QStringLiteral("run"))));
    std::deque<RecordedFrame> frames;
    const QJsonArray savedFrames = in.at(root, QStringLiteral("frames"), QStringLiteral("run")).toArray();
    std::shared_ptr<const std::vector<SocketSample>> before;
    std::shared_ptr<const std::vector<KernelOnlySocket>> kernelBefore;  // a format 1 file has none
    for (qsizetype i = 0; i < savedFrames.size() && in.problem.isEmpty(); ++i) {
        const QString place = QStringLiteral("frames[%1]").arg(i);
        const QJsonObject f = savedFrames.at(i).toObject();
        RecordedFrame frame;
        frame.timeNs = in.number(in.at(f, QStringLiteral("t"), place), place) + base;
        for (const QJsonValue &e : in.at(f, QStringLiteral("events"), place).toArray())
            frame.events.push_back(readEvent(in, e, base, place + QStringLiteral(".events")));
        if (f.value(QStringLiteral("sameSockets")).toBool() && before) {
            frame.sockets = before;
        } else {
            auto sockets = std::make_shared<std::vector<SocketSample>>();
            for (const QJsonValue &s : in.at(f, QStringLiteral("sockets"), place).toArray())
                sockets->push_back(readSample(in, s, base, place + QStringLiteral(".sockets")));
            frame.sockets = sockets;
        }
        if (!frames.empty() && frame.timeNs < frames.back().timeNs)
            in.fail(place, Tr::tr("frames out of time order"));
        before = frame.sockets;
        if (f.contains(QStringLiteral("kernelOnly"))) {
            const QJsonArray rows = f.value(QStringLiteral("kernelOnly")).toArray();
            auto read = std::make_shared<std::vector<KernelOnlySocket>>();
            for (const QJsonValue &row : rows)
                read->push_back(readKernelRow(in, row, place + QStringLiteral(".kernelOnly")));
            kernelBefore = read->empty() ? nullptr : std::shared_ptr<const std::vector<KernelOnlySocket>>(std::move(read));
        }
        frame.kernelOnly = kernelBefore;
        if (f.contains(QStringLiteral("kernelAge")))
            frame.kernelAgeMs = in.number(f.value(QStringLiteral("kernelAge")), place + QStringLiteral(".kernelAge"));
        if (frame.kernelAgeMs < 0)
            in.fail(place + QStringLiteral(".kernelAge"), Tr::tr("a value out of range"));
        frames.push_back(std::move(frame));
    }
    std::deque<PaneReport> reports;
    const QJsonArray savedReports = in.at(root, QStringLiteral("reports"), QStringLiteral("run")).toArray();
    for (qsizetype i = 0; i < savedReports.size() && in.problem.isEmpty(); ++i) {
        const QString place = QStringLiteral("reports[%1]").arg(i);
        const QJsonArray r = savedReports.at(i).toArray();
        PaneReport report;
        report.timeNs = in.number(in.at(r, 0, place), place) + base;
        report.pane = in.string(in.at(r, 1, place), place);
        report.kind = in.inRange(in.number(in.at(r, 2, place), place), PaneReport::Kind::Finished, place);
        report.text = in.string(in.at(r, 3, place), place);
        report.detail = in.string(in.at(r, 4, place), place);
        report.number = int(in.number(in.at(r, 5, place), place));
        if (!reports.empty() && report.timeNs < reports.back().timeNs)
            in.fail(place, Tr::tr("reports out of time order"));
        reports.push_back(std::move(report));
    }
    const std::int64_t dropped = in.number(in.at(root, QStringLiteral("droppedBefore"), QStringLiteral("run")), QStringLiteral("droppedBefore"));
    if (!in.problem.isEmpty())
        return refuse(in.problem);
    recording.restore(std::move(frames), std::move(reports), dropped ? dropped + base : 0);
    return recording;
}

bool save(const RunRecording &recording, const QString &path, QString *error)
{
    QSaveFile file(path);  // written whole or not at all
    if (!file.open(QIODevice::WriteOnly) || file.write(encode(recording)) < 0 || !file.commit()) {
        *error = Tr::tr("could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<RunRecording> load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("could not read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        *error = Tr::tr("%1 is too large to be a SocketLab run (%2 bytes)").arg(path).arg(file.size());
        return std::nullopt;
    }
    return decode(file.read(kMaxFileBytes + 1), error);
}

} // namespace RunFile
