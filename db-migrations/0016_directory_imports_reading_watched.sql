-- Every instance looks, twice a second, for uploads left in reading that nobody reads any more (their instance died
-- mid-upload) to fail them; the look is this index, not a scan of every import there ever was.
CREATE INDEX import_jobs_reading ON directory.import_jobs (created_at) WHERE phase = 'reading';
