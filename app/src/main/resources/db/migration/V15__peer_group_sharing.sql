-- A saved group of ICSs can be published: its comparison page is then public, so the systems in
-- it and their partners can see the same figures. Unpublished groups stay within the workspace.
alter table peer_group add column published boolean not null default false;
