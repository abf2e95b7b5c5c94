-- A kept answer may hold what is shown only once (a new API key, a webhook's signing secret): from now on answers are
-- kept sealed, like other protected values, in response_cipher. response_body stays for answers kept before.
ALTER TABLE shared.idempotency_keys ADD COLUMN response_cipher bytea;
