// How the window looks and where its parts were: zoom, presentation mode (larger fonts, high
// contrast for a projector), and the layout and settings kept between runs.
#include "MainWindow.h"

#include "LiveViews.h"
#include "PaneView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>

#include <LabSession.h>

#include <algorithm>

namespace {
constexpr int kMinZoom = 50;
constexpr int kMaxZoom = 300;
constexpr double kPresentationScale = 1.5;  // fonts in presentation mode, before zoom

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
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("window/horizontal")).toByteArray());
    m_left->restoreState(settings.value(QStringLiteral("window/left")).toByteArray());
    m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray());
    m_liveViews->restoreState(settings.value(QStringLiteral("window/bottom")).toByteArray());
    m_speed->setValue(settings.value(QStringLiteral("lab/delayMs"), 0).toInt());
    m_zoomPercent = std::clamp(settings.value(QStringLiteral("view/zoom"), 100).toInt(), kMinZoom, kMaxZoom);
    m_presentation->setChecked(settings.value(QStringLiteral("view/presentation"), false).toBool());
    applyAppearance();
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/horizontal"), m_horizontal->saveState());
    settings.setValue(QStringLiteral("window/left"), m_left->saveState());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("window/bottom"), m_liveViews->saveState());
    settings.setValue(QStringLiteral("lab/delayMs"), m_speed->value());
    settings.setValue(QStringLiteral("view/zoom"), m_zoomPercent);
    settings.setValue(QStringLiteral("view/presentation"), m_presentationOn);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session)
        m_session->stopAll();
    saveLayout();
    event->accept();
}

void MainWindow::setPresentationMode(bool on)
{
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);  // comes back here through toggled
    if (m_presentationOn == on)
        return;
    m_presentationOn = on;
    applyAppearance();
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

void MainWindow::applyAppearance()
{
    // One font for the whole window: listings, consoles, tables and the lesson take their
    // size from it, so zoom scales them together.
    QFont font = m_baseFont;
    const double scale = m_zoomPercent / 100.0 * (m_presentationOn ? kPresentationScale : 1.0);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else
        font.setPixelSize(std::max(1, int(font.pixelSize() * scale)));
    setFont(font);
    setPalette(m_presentationOn ? highContrastPalette() : QApplication::palette());
    for (PaneView *v : m_paneViews)
        v->setHighContrast(m_presentationOn);
}
