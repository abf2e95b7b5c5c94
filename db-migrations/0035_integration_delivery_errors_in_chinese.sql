-- What went wrong with a delivery is written down as it happens, in the background, for whoever reads the log later:
-- in English (last_error) and in Chinese (last_error_chinese), and each reader gets it in their own language. Rows
-- written before have it in English only, which is what Chinese readers get for them.
ALTER TABLE integration.webhook_deliveries ADD COLUMN last_error_chinese text;
