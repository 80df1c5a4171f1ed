-- Reference data: which version of each shipped dataset is loaded.
create table reference_dataset (
  name        varchar(64)  primary key,
  version     varchar(32)  not null,
  checksum    varchar(64)  not null,
  row_count   integer      not null,
  loaded_at   timestamp with time zone not null
);

-- Geography (owned by the geography feature).
create table region (
  code varchar(9)   primary key,
  name varchar(100) not null
);

create table icb (
  code        varchar(9)   primary key,
  ods_code    varchar(5)   not null unique,
  name        varchar(200) not null,
  region_code varchar(9)   not null references region (code)
);

create table sub_icb (
  code     varchar(9)   primary key,
  ods_code varchar(5)   not null,
  name     varchar(200) not null,
  icb_code varchar(9)   not null references icb (code)
);

create table lad (
  code          varchar(9)   primary key,
  name          varchar(100) not null,
  region_code   varchar(9)   not null references region (code),
  rural_urban   varchar(100)
);

create table lsoa21 (
  code         varchar(9)   primary key,
  name         varchar(100) not null,
  sub_icb_code varchar(9)   not null references sub_icb (code),
  icb_code     varchar(9)   not null references icb (code),
  lad_code     varchar(9)   not null references lad (code),
  population   integer      not null
);
create index lsoa21_icb on lsoa21 (icb_code);
create index lsoa21_lad on lsoa21 (lad_code);

create table lsoa11 (
  code       varchar(9)   primary key,
  name       varchar(100) not null,
  icb22_code varchar(9)   not null,
  icb_code   varchar(9)   not null references icb (code),
  lad_code   varchar(9)   not null references lad (code),
  population integer      not null
);
create index lsoa11_icb on lsoa11 (icb_code);

create table lsoa11_lsoa21 (
  lsoa11_code varchar(9) not null,
  lsoa21_code varchar(9) not null,
  change_code char(1)    not null,
  primary key (lsoa11_code, lsoa21_code)
);

create table boundary (
  area_type varchar(10) not null,
  code      varchar(9)  not null,
  geojson   text        not null,
  primary key (area_type, code)
);

-- Deprivation (owned by the deprivation feature). One row per LSOA and edition: score, rank and decile of the
-- overall index and each domain (a score is null where the edition's file does not carry it).
create table lsoa_deprivation (
  edition   varchar(10) not null,
  lsoa_code varchar(9)  not null,
  imd_score double precision,
  imd_rank integer not null,
  imd_decile smallint not null,
  income_score double precision,
  income_rank integer not null,
  income_decile smallint not null,
  employment_score double precision,
  employment_rank integer not null,
  employment_decile smallint not null,
  education_score double precision,
  education_rank integer not null,
  education_decile smallint not null,
  health_score double precision,
  health_rank integer not null,
  health_decile smallint not null,
  crime_score double precision,
  crime_rank integer not null,
  crime_decile smallint not null,
  housing_score double precision,
  housing_rank integer not null,
  housing_decile smallint not null,
  environment_score double precision,
  environment_rank integer not null,
  environment_decile smallint not null,
  primary key (edition, lsoa_code)
);

create table deprivation_summary (
  edition                          varchar(10) not null,
  area_type                        varchar(10) not null,
  area_code                        varchar(9)  not null,
  domain                           varchar(12) not null,
  average_score                    double precision,
  average_rank                     double precision not null,
  proportion_most_deprived10       double precision not null,
  extent                           double precision not null,
  local_concentration              double precision not null,
  rank_of_average_score            integer,
  rank_of_average_rank             integer not null,
  rank_of_proportion_most_deprived10 integer not null,
  rank_of_extent                   integer not null,
  rank_of_local_concentration      integer not null,
  primary key (edition, area_type, area_code, domain)
);

create table deprivation_decile_population (
  edition    varchar(10) not null,
  area_type  varchar(10) not null,
  area_code  varchar(9)  not null,
  decile     smallint    not null,
  population integer     not null,
  lsoa_count integer     not null,
  primary key (edition, area_type, area_code, decile)
);
