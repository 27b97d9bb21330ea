#include "LabNavigator.h"

#include "ProgressText.h"
#include "SafeColours.h"

#include <LabProgress.h>

#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QEvent>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kPadding = 6;
constexpr int kBarWidth = 64;
constexpr int kBarHeight = 6;

// The second line's font: smaller, but never below 20 px (15 pt) when the window's font is
// that large already - the classroom layout's minimum.
QFont smaller(const QFont &font)
{
    QFont f = font;
    if (font.pixelSize() > 0)
        f.setPixelSize(std::max(font.pixelSize() * 9 / 10, std::min(font.pixelSize(), 20)));
    else
        f.setPointSizeF(std::max(font.pointSizeF() * 0.9, std::min(font.pointSizeF(), 15.0)));
    return f;
}

// Draws a lab as two lines: "3  title", then a small progress bar and "5 / 19 steps"
// (or a check mark and "completed"). The open lab's title is bold.
class LabItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width() > 0 ? option.rect.width() : 200, 2 * option.fontMetrics.height() + 3 * kPadding};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        opt.text.clear();  // the panel and focus frame from the style; the text drawn below
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const bool failed = index.data(LabNavigator::FailedRole).toBool();
        const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled && !failed ? QPalette::Normal : QPalette::Disabled;
        const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        const QRect area = opt.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
        const int lineHeight = opt.fontMetrics.height();

        painter->save();
        QFont titleFont = opt.font;
        titleFont.setBold(index.data(LabNavigator::CurrentRole).toBool());
        painter->setFont(titleFont);
        painter->setPen(text);
        const QRect titleRect(area.left(), area.top(), area.width(), lineHeight);
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(titleFont).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, area.width()));

        const int reached = index.data(LabNavigator::ReachedRole).toInt();
        const int total = index.data(LabNavigator::TotalRole).toInt();
        const bool completed = index.data(LabNavigator::CompletedRole).toBool();
        const QRect second(area.left(), area.bottom() - lineHeight + 1, area.width(), lineHeight);
        const QFont small = smaller(opt.font);
        if (failed) {  // greyed, and the problem in words: no bar, nothing to open
            painter->setFont(small);
            painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetrics(small).elidedText(index.data(Qt::StatusTipRole).toString(), Qt::ElideRight, second.width()));
            painter->restore();
            return;
        }
        const QRect bar(second.left(), second.center().y() - kBarHeight / 2, kBarWidth, kBarHeight);
        const QColor done = completed ? safecolour::completed() : safecolour::inProgress();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? QColor(255, 255, 255, 90) : QColor(0, 0, 0, 30));
        painter->drawRoundedRect(bar, 3, 3);
        if (total > 0 && reached > 0) {
            painter->setBrush(selected ? opt.palette.color(group, QPalette::HighlightedText) : done);
            painter->drawRoundedRect(QRect(bar.topLeft(), QSize(std::max(kBarHeight, kBarWidth * reached / total), kBarHeight)), 3, 3);
        }
        painter->setFont(small);
        painter->setPen(completed && !selected ? done : text);
        const QRect label = second.adjusted(kBarWidth + kPadding, 0, 0, 0);
        painter->drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(index.data(Qt::StatusTipRole).toString(), Qt::ElideRight, label.width()));
        painter->restore();

        if (opt.state & QStyle::State_HasFocus) {
            QStyleOptionFocusRect focus;
            focus.QStyleOption::operator=(opt);
            style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
        }
    }
};

} // namespace

LabNavigator::LabNavigator(const QList<LabDefinition> &labs, LabProgress *progress, const QString &language, QWidget *parent)
    : QWidget(parent), m_labs(labs), m_progress(progress), m_language(language), m_list(new QListWidget)
{
    std::stable_sort(m_labs.begin(), m_labs.end(), [](const LabDefinition &a, const LabDefinition &b) { return a.order < b.order; });
    m_list->setItemDelegate(new LabItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(tr("Lessons"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);

    // A click chooses; so does Enter (QAbstractItemView reports it as activated). A right
    // click would only move the selection: it offers a menu instead (eventFilter).
    connect(m_list, &QListWidget::itemClicked, this, &LabNavigator::choose);
    connect(m_list, &QListWidget::itemActivated, this, &LabNavigator::choose);
    m_list->viewport()->installEventFilter(this);
    if (m_progress)
        connect(m_progress, &LabProgress::changed, this, &LabNavigator::refreshLab);
    fill();
}

void LabNavigator::setLabs(const QList<LabDefinition> &labs, const QList<LabFailure> &failures)
{
    m_labs = labs;
    std::stable_sort(m_labs.begin(), m_labs.end(), [](const LabDefinition &a, const LabDefinition &b) { return a.order < b.order; });
    m_failures = failures;
    fill();
}

// "lab.json, panes[1].program: no program is called "x"" - the first problem; the tooltip has all.
QString LabNavigator::failureText(const LabFailure &failure)
{
    if (failure.errors.isEmpty())
        return tr("could not be loaded");
    const LabError &e = failure.errors.first();
    const QString where = e.place.isEmpty() ? e.file : QStringLiteral("%1, %2").arg(e.file, e.place);
    return tr("could not be loaded: %1: %2").arg(where, e.message);
}

void LabNavigator::fill()
{
    m_list->clear();
    for (qsizetype i = 0; i < m_labs.size(); ++i) {
        const LabDefinition &lab = m_labs.at(i);
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(i + 1).arg(lab.title.in(m_language)));
        item->setData(LabIdRole, lab.id);
        m_list->addItem(item);
        updateItem(item);
    }
    for (const LabFailure &failure : m_failures) {
        const QString name = failure.title.isEmpty() ? failure.folder : QStringLiteral("%1 (%2)").arg(failure.title, failure.folder);
        auto *item = new QListWidgetItem(QStringLiteral("⚠  %1").arg(name));
        item->setData(FailedRole, true);
        item->setData(Qt::StatusTipRole, failureText(failure));
        QStringList problems;
        for (const LabError &e : failure.errors)
            problems << e.toString();
        item->setToolTip(tr("%1 could not be loaded from %2:\n%3")
                             .arg(name, QDir::toNativeSeparators(failure.directory), problems.join(QLatin1Char('\n'))));
        item->setFlags(Qt::ItemIsEnabled);  // listed, not selectable: there is nothing to open
        m_list->addItem(item);
    }
    setCurrentLab(m_current);
}

QListWidgetItem *LabNavigator::failedItem(const QString &folder) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (item->data(FailedRole).toBool() && item->text().contains(folder))
            return item;
    }
    return nullptr;
}

bool LabNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_list->viewport())
        return QWidget::eventFilter(watched, event);
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease || type == QEvent::MouseButtonDblClick) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::RightButton)
            return false;
        if (type == QEvent::MouseButtonPress)
            offerToOpen(m_list->itemAt(mouse->position().toPoint()), mouse->globalPosition().toPoint());
        return true;  // the selection stays on the open lab
    }
    if (type == QEvent::ContextMenu)
        return true;  // offered on the press already
    return false;
}

void LabNavigator::offerToOpen(QListWidgetItem *item, const QPoint &globalPos)
{
    if (!item || item->data(FailedRole).toBool())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = item->data(LabIdRole).toString();
    QAction *open = menu->addAction(tr("Open this lesson"), this, [this, id] {
        if (QListWidgetItem *chosen = itemOf(id))
            choose(chosen);
    });
    open->setEnabled(id != m_current);
    menu->popup(globalPos);
}

void LabNavigator::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        fill();
}

void LabNavigator::updateItem(QListWidgetItem *item) const
{
    const QString id = item->data(LabIdRole).toString();
    const LabProgress::Summary summary = m_progress ? m_progress->summary(id) : LabProgress::Summary{};
    item->setData(ReachedRole, summary.stepsReached);
    item->setData(TotalRole, summary.steps);
    item->setData(CompletedRole, summary.completed);
    item->setData(CurrentRole, id == m_current);
    // The second line as drawn, also what a screen reader and the tests read.
    QString status = ProgressText::line(summary);
    QString tip = QStringLiteral("%1\n%2").arg(item->text(), ProgressText::details(summary));
    const auto lab = std::find_if(m_labs.cbegin(), m_labs.cend(), [&](const LabDefinition &l) { return l.id == id; });
    if (lab != m_labs.cend() && !lab->replacesDirectory.isEmpty()) {
        status += QStringLiteral(" · ") + tr("your lab, in place of the built-in one");
        tip += QLatin1Char('\n') + tr("Loaded from %1, in place of the lab with the same id from %2")
                                       .arg(QDir::toNativeSeparators(lab->directory), QDir::toNativeSeparators(lab->replacesDirectory));
    }
    item->setData(Qt::StatusTipRole, status);
    item->setToolTip(tip);
}

QListWidgetItem *LabNavigator::itemOf(const QString &labId) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(LabIdRole).toString() == labId)
            return m_list->item(row);
    }
    return nullptr;
}

QStringList LabNavigator::labIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row)
        ids << m_list->item(row)->data(LabIdRole).toString();
    return ids;
}

QString LabNavigator::progressText(const QString &labId) const
{
    const QListWidgetItem *item = itemOf(labId);
    return item ? item->data(Qt::StatusTipRole).toString() : QString();
}

void LabNavigator::setCurrentLab(const QString &labId)
{
    m_current = labId;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setData(CurrentRole, item->data(LabIdRole).toString() == labId);
    }
    if (QListWidgetItem *item = itemOf(labId)) {
        m_list->setCurrentItem(item);
        m_list->scrollToItem(item);
    } else {
        m_list->clearSelection();
    }
}

void LabNavigator::setLanguage(const QString &language)
{
    m_language = language;
    fill();
}

void LabNavigator::refresh()
{
    for (int row = 0; row < m_list->count(); ++row)
        if (!m_list->item(row)->data(FailedRole).toBool())
            updateItem(m_list->item(row));
}

void LabNavigator::refreshLab(const QString &labId)
{
    if (QListWidgetItem *item = itemOf(labId))
        updateItem(item);
}

void LabNavigator::choose(QListWidgetItem *item)
{
    const QString id = item ? item->data(LabIdRole).toString() : QString();
    if (id.isEmpty() || id == m_current)  // a failed lab has no id: nothing to open
        return;  // a double click also activates: one choice, not two
    setCurrentLab(id);
    emit labChosen(id);
}
