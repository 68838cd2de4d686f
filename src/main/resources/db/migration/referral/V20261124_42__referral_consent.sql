-- The consent record a referral was sent under (consent_status GIVEN); its withdrawal ends what the receiver sees.
alter table referral add column consent_id uuid;
alter table referral add constraint referral_consent foreign key (municipality_id, consent_id) references consent (municipality_id, id);
