#include "ProgressActions.h"

#include <LabProgress.h>

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QTextDocument>

namespace {
const QString kLearnerKey = QStringLiteral("selfStudy/learner");
} // namespace

ProgressActions::ProgressActions(QWidget *dialogParent, LabProgress *progress, QList<LabDefinition> labs,
                                 const QString &language, QObject *parent)
    : QObject(parent), m_dialogParent(dialogParent), m_progress(progress), m_labs(std::move(labs)), m_language(language)
{
}

QString ProgressActions::titleOf(const QString &labId) const
{
    for (const LabDefinition &lab : m_labs) {
        if (lab.id == labId)
            return lab.title.in(m_language);
    }
    return labId;
}

bool ProgressActions::resetLab(const QString &labId)
{
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Reset progress"),
        tr("Forget your progress in \"%1\": the steps reached, your predictions, the exercises passed and the hints "
           "used? This cannot be undone.").arg(titleOf(labId)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_progress->forget(labId);
    return true;
}

bool ProgressActions::resetAll()
{
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Reset all progress"),
        tr("Forget your progress in every lab: the steps reached, your predictions, the exercises passed and the hints "
           "used? This cannot be undone."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_progress->forgetAll();
    return true;
}

bool ProgressActions::exportWithDialog()
{
    QSettings settings;
    bool ok = false;
    const QString learner = QInputDialog::getText(m_dialogParent, tr("Export progress"), tr("Your name, as your teacher knows you:"),
                                                  QLineEdit::Normal,
                                                  settings.value(kLearnerKey, qEnvironmentVariable("USER")).toString(), &ok)
                                .trimmed();
    if (!ok)
        return false;
    settings.setValue(kLearnerKey, learner);
    const QString file = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Export progress"), QDir::home().filePath(QStringLiteral("socketlab-progress.html")),
        tr("Web page (*.html);;Markdown (*.md);;JSON (*.json)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (file.isEmpty())
        return false;
    if (!exportTo(file, learner)) {
        QMessageBox::warning(m_dialogParent, tr("Export progress"), tr("Could not write %1.").arg(file));
        return false;
    }
    return true;
}

bool ProgressActions::exportTo(const QString &file, const QString &learner) const
{
    QByteArray bytes;
    if (file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        bytes = m_progress->reportJson(m_labs, learner);
    } else {
        const QString markdown = m_progress->reportMarkdown(m_labs, learner, m_language);
        if (file.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) || file.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive)) {
            QTextDocument page;
            page.setMarkdown(markdown);
            page.setMetaInformation(QTextDocument::DocumentTitle, tr("SocketLab progress: %1").arg(learner));
            bytes = page.toHtml().toUtf8();
        } else {
            bytes = markdown.toUtf8();
        }
    }
    QSaveFile out(file);  // all or nothing: a report half written is no report
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
}
