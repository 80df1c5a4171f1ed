-- Geography: the Rural-Urban Classification 2021 of each 2021 LSOA (UN1, UF1, RLN1, RLF1, RSN1, RSF1), and
-- each LSOA's boundary: the GeoJSON geometry as ONS publishes it (WGS84, for the API) and the same shape
-- projected once onto the British National Grid (whole metres, for the maps the pages draw).
alter table lsoa21 add column ruc21_code varchar(4);

create table lsoa21_boundary (
  code      varchar(9) not null primary key,
  geojson   text       not null,
  projected text       not null
);
