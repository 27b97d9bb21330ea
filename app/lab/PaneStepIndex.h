// A pane's steps, found by the id a running program passes (a std::string_view) without
// making a QString of it or hashing one: a server at full speed passes thousands of steps
// a second, each looked up on the program's thread. Built once from the pane's definition;
// read-only after, so any thread may read it.
#pragma once

#include "LabDefinition.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

class PaneStepIndex {
public:
    struct Step {
        std::string id;
        QString name;  // the same id, as the window's signals carry it
        int line;
        bool hold;
    };

    explicit PaneStepIndex(const PaneDefinition &pane)
    {
        for (const StepDefinition &step : pane.steps)
            m_steps.push_back({step.id.toStdString(), step.id, step.line, step.hold});
    }

    // A pane has a handful of steps: a linear search beats hashing the id.
    const Step *find(std::string_view id) const
    {
        for (const Step &step : m_steps) {
            if (step.id == id)
                return &step;
        }
        return nullptr;
    }
    std::size_t indexOf(const Step &step) const { return static_cast<std::size_t>(&step - m_steps.data()); }
    std::size_t size() const { return m_steps.size(); }

private:
    std::vector<Step> m_steps;
};
