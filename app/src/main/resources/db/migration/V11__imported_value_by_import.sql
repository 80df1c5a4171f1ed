-- Imported values keyed by import (owned by the indicator importing feature).
--
-- A value's id is its import's id times 2^32 plus its position among the rows the import stored, so
-- the values of one import lie together in the primary key and are read or deleted as a range of it.
-- The table has no other index: V10's primary key of four text columns (and the index H2 adds for
-- a foreign key) made storing a large file three to five times slower than appending to a table
-- keyed by a single bigint. One value per workspace, indicator, area and period is kept by the import
-- itself (IndicatorImports): in the same transaction that stores a file's values it deletes the earlier
-- values with the same key, with its workspace's row in imported_workspace locked, so imports into one
-- workspace take turns.

create table imported_value_by_import (
  id                 bigint      primary key,
  workspace_icb_code varchar(9)  not null,
  indicator_id       varchar(80) not null,
  area_code          varchar(9)  not null,
  period             varchar(20) not null,
  period_start       date        not null,
  observation        double precision,
  numerator          double precision,
  denominator        double precision,
  lower_ci           double precision,
  upper_ci           double precision,
  import_id          bigint      not null
);

insert into imported_value_by_import (id, workspace_icb_code, indicator_id, area_code, period,
    period_start, observation, numerator, denominator, lower_ci, upper_ci, import_id)
  select import_id * 4294967296
           + row_number() over (partition by import_id order by indicator_id, area_code, period) - 1,
         workspace_icb_code, indicator_id, area_code, period, period_start, observation, numerator,
         denominator, lower_ci, upper_ci, import_id
  from imported_value;

drop table imported_value;
alter table imported_value_by_import rename to imported_value;

-- One row per workspace that has imported, locked (select ... for update) by the transaction that
-- stores an import into it.
create table imported_workspace (
  workspace_icb_code varchar(9) primary key
);

insert into imported_workspace (workspace_icb_code)
  select distinct workspace_icb_code from indicator_import;
