// How the window looks and where its parts are: zoom, the classroom layout (presentation
// mode), the interface language, and the layout and settings kept between runs.
//
// The classroom layout is for the back of a room: every text at least 20 px, high contrast,
// the lessons and lesson text folded away, and the room given to the listings and to the one
// live view the teacher picks - beside the panes for a tall view (the sequence diagram, the
// gauges), under them for a wide one (the socket table, the trace) - so that at 1920×1080
// each pane still shows at least 15 listing lines and nothing is cut off.
#include "MainWindow.h"

#include "LabNavigator.h"
#include "ListingView.h"
#include "LiveViews.h"
#include "ObserveBanner.h"
#include "PaneView.h"
#include "ReplayController.h"
#include "UiLanguage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFontInfo>
#include <QLayout>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

#include <LabSession.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
constexpr int kMinZoom = 50;
constexpr int kMaxZoom = 300;
constexpr double kPresentationScale = 1.5;  // the window's own font, enlarged, if that is more than 20 px
constexpr QSize kDefaultSize(1280, 800);    // the first start's window, before the user sizes it
constexpr double kBesideShare = 0.38;       // the classroom live view beside the panes: its share of the width
constexpr double kNarrowBesideShare = 0.45; // the same on a narrow screen, where its columns are at their least
constexpr int kNarrowScreen = 1600;         // narrower than this, the view beside takes kNarrowBesideShare
constexpr int kClassroomViewRows = 5;       // a view under the panes keeps room for its header and four rows
constexpr int kShortScreen = 900;           // shorter than this, the panes' explanation and console shrink in class
constexpr double kMostBelowShare = 0.45;    // under them: at most this share of the height

// Black on white with saturated accents: what survives a washed-out projector.
QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(0, 0, 0), white(255, 255, 255);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, QColor(245, 245, 245));
        p.setColor(group, QPalette::WindowText, black);
        p.setColor(group, QPalette::Base, white);
        p.setColor(group, QPalette::AlternateBase, QColor(230, 236, 255));
        p.setColor(group, QPalette::Text, black);
        p.setColor(group, QPalette::Button, QColor(225, 225, 225));
        p.setColor(group, QPalette::ButtonText, black);
        p.setColor(group, QPalette::Highlight, QColor(0, 50, 170));
        p.setColor(group, QPalette::HighlightedText, white);
        p.setColor(group, QPalette::ToolTipBase, white);
        p.setColor(group, QPalette::ToolTipText, black);
        p.setColor(group, QPalette::PlaceholderText, QColor(80, 80, 80));
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(90, 90, 90));
    return p;
}
} // namespace

void MainWindow::restoreLayout()
{
    QSettings settings;
    // A size only when none was kept: a user's own window size survives every start.
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(kDefaultSize);
    m_horizontal->restoreState(settings.value(QStringLiteral("window/horizontal")).toByteArray());
    m_left->restoreState(settings.value(QStringLiteral("window/left")).toByteArray());
    m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray());
    m_liveViews->restoreState(settings.value(QStringLiteral("window/bottom")).toByteArray());
    const int delay = std::clamp(settings.value(QStringLiteral("lab/delayMs"), 0).toInt(), 0, kSpeedSteps * kMsPerSpeedStep);
    m_speed->setValue(kSpeedSteps - int(std::lround(double(delay) / kMsPerSpeedStep)));
    m_zoomPercent = std::clamp(settings.value(QStringLiteral("view/zoom"), 100).toInt(), kMinZoom, kMaxZoom);
    m_classroomView = std::clamp(settings.value(QStringLiteral("view/classroomView"), m_classroomView).toInt(), 0, m_liveViews->count() - 1);
    m_liveChooser->setCurrentIndex(m_classroomView);
    m_presentation->setChecked(settings.value(QStringLiteral("view/presentation"), false).toBool());
    applyAppearance();
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/horizontal"), m_horizontal->saveState());
    settings.setValue(QStringLiteral("window/left"), m_left->saveState());
    settings.setValue(QStringLiteral("window/vertical"), m_presentationOn ? m_normalVertical : m_vertical->saveState());
    settings.setValue(QStringLiteral("window/bottom"), m_liveViews->saveState());
    settings.setValue(QStringLiteral("lab/delayMs"), (kSpeedSteps - m_speed->value()) * kMsPerSpeedStep);
    settings.setValue(QStringLiteral("view/zoom"), m_zoomPercent);
    settings.setValue(QStringLiteral("view/presentation"), m_presentationOn);
    settings.setValue(QStringLiteral("view/classroomView"), m_classroomView);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session)
        m_session->stopAll();
    saveLayout();
    event->accept();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (!m_presentationOn)
        return;
    if (classroomScreen() != m_classroomScreen)
        applyAppearance();  // another kind of screen: the panes' rooms and the split change
    else
        QTimer::singleShot(0, this, &MainWindow::fitClassroomSplit);  // once the new layout is done
}

void MainWindow::setPresentationMode(bool on)
{
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);  // comes back here through toggled
    if (m_presentationOn == on)
        return;
    if (on)
        m_normalVertical = m_vertical->saveState();
    m_presentationOn = on;
    {
        // The lesson text folds away in class; View brings it back. While observing there is
        // no lesson: the column stays away until the lab comes back (endObserving).
        const QSignalBlocker quiet(m_observing ? m_lessonText : nullptr);
        m_lessonText->setChecked(!on);
    }
    showTimelineBar();
    applyAppearance();
    if (!on) {
        m_vertical->setOrientation(Qt::Vertical);
        m_vertical->restoreState(m_normalVertical);
        if (m_observing)  // the state saved was the lab's panes': the banner's few lines, the view below
            m_vertical->setSizes({m_observeBanner->sizeHint().height(), m_vertical->height()});
    }
}

void MainWindow::setZoomPercent(int percent)
{
    percent = std::clamp(percent, kMinZoom, kMaxZoom);
    if (percent == m_zoomPercent)
        return;
    m_zoomPercent = percent;
    applyAppearance();
    statusBar()->showMessage(tr("Zoom %1%").arg(m_zoomPercent));
}

void MainWindow::setClassroomView(int index)
{
    if (index < 0 || index >= m_liveViews->count())
        return;
    m_classroomView = index;
    if (m_liveChooser->currentIndex() != index)
        m_liveChooser->setCurrentIndex(index);
    if (m_presentationOn) {
        arrangeClassroom();
        return;
    }
    // Outside the classroom the choice brings that view's tab to the front.
    QWidget *view = m_liveViews->widget(index);
    for (LiveViews::Area area : {LiveViews::Area::Main, LiveViews::Area::Side}) {
        QTabWidget *tabs = m_liveViews->tabs(area);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i) == view || tabs->widget(i)->isAncestorOf(view))
                tabs->setCurrentIndex(i);
    }
}

void MainWindow::applyAppearance()
{
    // One font for the whole window: listings, consoles, tables and the lesson take their
    // size from it, so zoom scales them together.
    QFont font = m_baseFont;
    const double zoom = m_zoomPercent / 100.0;
    if (m_presentationOn) {
        const int basePixels = QFontInfo(m_baseFont).pixelSize();
        const double pixels = std::max<double>(kClassroomMinPixels, basePixels * kPresentationScale);
        font.setPixelSize(std::max(1, int(std::lround(pixels * zoom))));
    } else if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * zoom);
    } else {
        font.setPixelSize(std::max(1, int(font.pixelSize() * zoom)));
    }
    setFont(font);
    setPalette(m_presentationOn ? highContrastPalette() : QApplication::palette());
    m_classroomScreen = classroomScreen();
    for (PaneView *v : m_paneViews) {
        v->setHighContrast(m_presentationOn);
        v->setClassroom(m_presentationOn, m_classroomScreen.isShort);
    }
    if (m_replay)
        m_replay->setClassroom(m_presentationOn);
    arrangeClassroom();
}

MainWindow::ClassroomScreen MainWindow::classroomScreen() const
{
    return {width() < kNarrowScreen, height() < kShortScreen};
}

// The live view the teacher picked takes the live views' whole area: beside the panes (the
// splitter turns) or under them; outside the classroom layout, the usual tabs.
void MainWindow::arrangeClassroom()
{
    if (!m_presentationOn) {
        m_liveViews->showOnly(-1);
        return;
    }
    const int shown = m_observing ? observedClassroomView() : m_classroomView;
    m_liveViews->showOnly(shown);
    const bool beside = !m_observing && m_liveViews->place(shown) == LiveViews::Place::Beside;
    m_vertical->setOrientation(beside ? Qt::Horizontal : Qt::Vertical);
    const int total = beside ? m_vertical->width() : m_vertical->height();
    const double share = !beside ? kMostBelowShare / 1.5 : m_classroomScreen.isNarrow ? kNarrowBesideShare : kBesideShare;
    if (m_observing)  // the banner's few lines above, the view below
        m_vertical->setSizes({m_observeBanner->sizeHint().height(), total});
    else
        m_vertical->setSizes({int(total * (1 - share)), int(total * share)});
    QTimer::singleShot(0, this, &MainWindow::fitClassroomSplit);
}

// Under the panes, a live view gets what the listings leave: each pane first keeps room for
// kClassroomListingLines lines (as far as the view keeps a useful height).
void MainWindow::fitClassroomSplit()
{
    if (!m_presentationOn || m_paneViews.isEmpty() || m_vertical->orientation() != Qt::Vertical)
        return;
    // A pane's listing gets only part of what its pane gains (the layout shares it out), so
    // the split is fitted again until the listings have their lines or the view its least.
    for (int round = 0; round < 4; ++round) {
        const QList<int> sizes = m_vertical->sizes();
        if (sizes.size() != 2)
            return;
        for (PaneView *v : m_paneViews)
            v->layout()->activate();
        int missing = std::numeric_limits<int>::min();  // pixels the shortest listing lacks (< 0: has to spare)
        for (PaneView *v : m_paneViews) {
            const ListingView *listing = v->listingView();
            const int lineHeight = listing->fontMetrics().lineSpacing();
            const int lacking = kClassroomListingLines - listing->visibleLines();
            missing = std::max(missing, lacking * lineHeight + (lacking > 0 ? lineHeight / 2 : 0));
        }
        const int total = sizes[0] + sizes[1];
        // The view keeps at least a header and a few rows, however short the screen.
        const int least = std::max(total / 5, (fontMetrics().lineSpacing() + 8) * kClassroomViewRows);
        const int below = std::clamp(sizes[1] - missing, std::min(least, int(total * kMostBelowShare)), int(total * kMostBelowShare));
        if (below == sizes[1])
            return;
        m_vertical->setSizes({total - below, below});
    }
}

bool MainWindow::setLanguage(const QString &language)
{
    if (!UiLanguage::isKnown(language))
        return false;
    if (QAction *a = languageAction(language))
        a->setChecked(true);
    if (language == m_language && UiLanguage::installed() == language)
        return true;
    m_language = language;
    UiLanguage::install(language);  // every widget gets a LanguageChange: their own words
    UiLanguage::remember(language);
    QCoreApplication::processEvents();  // those events, before the lab's texts below
    retranslateUi();
    m_navigator->setLanguage(language);
    for (PaneView *v : m_paneViews)
        v->setLanguage(language);
    showLesson();
    updateAddPane();
    // Said in the new language: the English text names English, its Chinese translation 中文.
    statusBar()->showMessage(tr("Language: English"));
    emit languageChanged(language);
    return true;
}
