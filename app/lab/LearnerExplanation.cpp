#include "LearnerExplanation.h"

#include <QCoreApplication>

#include <cerrno>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(LearnerExplanation)
};
} // namespace

std::string explainForLearner(const socketlab::SocketError &error)
{
    if (error.kind() != socketlab::ErrorKind::Os)
        return {};
    switch (error.code()) {
    case EMFILE:
        return Tr::tr("This process has used every file descriptor it may have (ulimit -n), and every socket takes one. "
                      "The server pauses accept() and tries again; the clients wait in the listen queue until a "
                      "connection closes.").toStdString();
    case ENFILE:
        return Tr::tr("The whole system has run out of file descriptors. The server pauses accept() and tries again; "
                      "the clients wait in the listen queue.").toStdString();
    case ENOBUFS:
    case ENOMEM:
        return Tr::tr("The kernel has no memory left for another connection. The server pauses accept() and tries "
                      "again.").toStdString();
    default:
        return {};
    }
}
