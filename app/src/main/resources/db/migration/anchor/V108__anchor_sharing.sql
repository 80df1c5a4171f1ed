-- What an ICS workspace has published of its anchor system (owned by the anchor feature, its
-- sharing part): the register of organisations, the commitments, and the connected system with
-- its coverage against need. No row, or false, means private to the workspace: never on a public
-- page, in the public API or a public CSV, nor shown to another workspace. (Spend analyses are
-- published one by one, in anchor_spend_analysis.)
create table anchor_publication (
  icb_code               varchar(9) primary key,
  publishes_register     boolean default false not null,
  publishes_commitments  boolean default false not null,
  publishes_system       boolean default false not null,
  updated_by             varchar(254),
  updated_at             timestamp with time zone not null
);
