-- Every change to a round's content bumps its revision, so rendered reports can be cached per revision.
alter table maturity_round add column revision bigint default 0 not null;
