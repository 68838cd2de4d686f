-- The audit chain is now keyed: each seal is an HMAC whose key lives outside the database (decision 0018). Seals made
-- with the former unkeyed hash cannot be checked with the key, so they are removed here (the schema owner runs the
-- migrations and may do so; the application's runtime role may not) and the sealing job seals every row again.
alter table audit_seal disable trigger audit_seal_append_only;
delete from audit_seal;
alter table audit_seal enable trigger audit_seal_append_only;
