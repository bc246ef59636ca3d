"""The admin office's authoring pages: plans, programs, indicators,
departments and people, the next plan period, and importing a table with a
preview. Views and forms only: the writes are plans.services (the plan),
workflow's services (departments, people, assignments) and imports.services."""
