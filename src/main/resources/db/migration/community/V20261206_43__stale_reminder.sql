-- When the organiser was last reminded by e-mail that an entry is stale (#15): once per stale period, claimed by one
-- node (for update skip locked). The same column on both copies, in the same order (publishing copies the row).
alter table community_activity add column stale_reminded_at timestamptz;
alter table community_activity_published add column stale_reminded_at timestamptz;
