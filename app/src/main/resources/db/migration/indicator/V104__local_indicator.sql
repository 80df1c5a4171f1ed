-- Local indicators (owned by the indicator feature): an ICS workspace defines its own measures in
-- the catalogue table, which has held workspace indicators since V10 (workspace_icb_code not null,
-- origin ADDED), so imports, backups and the profile read them the way they read national ones.
-- This adds who defined and last changed a definition, when it last changed, and whether the
-- workspace has published it on its public profile (members of the workspace always see it).
alter table indicator add column created_by varchar(254);
alter table indicator add column updated_by varchar(254);
alter table indicator add column updated_at timestamp with time zone;
alter table indicator add column published boolean default false not null;

-- A workspace's local indicators are listed often (each import, each profile of the system).
create index indicator_workspace on indicator (workspace_icb_code);
