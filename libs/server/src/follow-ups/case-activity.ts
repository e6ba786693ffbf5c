/**
 * What counts as activity on a case for the closure offer ("offer closure after 90 days without
 * activity"): anything staff did, and the person adding information or ticking a step of their
 * plan. The person only looking at their case is not activity; the system's own entries are not.
 * A SQL condition on a `case_event` row aliased `e`, shared by the planner and the firing check so
 * the two can never disagree.
 */
export const IS_CASE_ACTIVITY = `(e.actor_kind = 'staff' OR (e.actor_kind = 'person' AND e.kind <> 'person_viewed_case'))`;
