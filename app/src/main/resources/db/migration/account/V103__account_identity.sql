-- Sign-in identities from an OpenID Connect provider linked to local accounts (owned by the account
-- feature). The provider's issuer and subject name a person for good; the email address only finds
-- the account on the first sign-in, so a later change of address at the provider does not matter.
create table account_identity (
  issuer       varchar(500) not null,
  subject      varchar(255) not null,
  account_id   bigint       not null references account (id) on delete cascade,
  -- The address the provider gave when linking and at the latest sign-in, shown on the account page.
  email        varchar(254),
  linked_at    timestamp with time zone not null,
  last_used_at timestamp with time zone not null,
  primary key (issuer, subject),
  -- One identity per provider per account: a second person at the same provider cannot take over an
  -- account by claiming its address.
  constraint account_identity_one_per_issuer unique (account_id, issuer)
);
