#include "StepAnchors.h"

#include <QCoreApplication>

namespace {

struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(LabLoader)
};

QList<int> linesContaining(const QStringList &listing, const QString &text)
{
    QList<int> lines;
    for (qsizetype i = 0; i < listing.size(); ++i) {
        if (listing.at(i).contains(text))
            lines << int(i) + 1;
    }
    return lines;
}

QString lineList(const QList<int> &lines)
{
    QStringList numbers;
    for (int n : lines)
        numbers << QString::number(n);
    return numbers.join(QLatin1String(", "));
}

} // namespace

std::optional<int> locateStep(const QStringList &listing, const QString &listingName, const StepAnchor &anchor,
                              QString *problem)
{
    const bool explicitAnchor = !anchor.at.isEmpty();
    const QString text = explicitAnchor ? anchor.at : anchor.call;
    const QList<int> lines = linesContaining(listing, text);
    if (lines.isEmpty()) {
        *problem = explicitAnchor ? Tr::tr("no line of %1 contains \"%2\"").arg(listingName, text)
                                  : Tr::tr("no line of %1 makes the call \"%2\" this step stands for").arg(listingName, text);
        return std::nullopt;
    }
    if (lines.size() > 1) {
        *problem = explicitAnchor
                       ? Tr::tr("\"%1\" is on lines %2 of %3: make \"at\" text that only this step's line has").arg(text, lineList(lines), listingName)
                       : Tr::tr("the call \"%1\" is on lines %2 of %3: give \"at\" with text that only this step's line has").arg(text, lineList(lines), listingName);
        return std::nullopt;
    }
    const int line = lines.first();
    if (explicitAnchor && !anchor.call.isEmpty() && !listing.at(line - 1).contains(anchor.call)) {
        *problem = Tr::tr("line %1 of %2 (\"%3\") does not make the call \"%4\" this step stands for")
                       .arg(line).arg(listingName, text, anchor.call);
        return std::nullopt;
    }
    return line;
}
