-- A webhook delivery falls due by the database's clock, which every instance claiming deliveries compares it with:
-- its default stays now() where 0027 moved the other stamps onto the application's clock.
ALTER TABLE integration.webhook_deliveries ALTER COLUMN next_attempt_at SET DEFAULT now();
