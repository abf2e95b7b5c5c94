-- What an import leaves out and what it asks to be looked at. ignored_columns: the header cells of the file's columns
-- that no imported field reads (性别 and 出生日期 among them: the register takes both from the resident ID number, and
-- the file's are only checked against it). rows_warned and import_rows.warnings: rows whose 性别 or 出生日期 disagree
-- with their resident ID number; such a row is still imported, and kept with its warnings for the rejected-rows file.
-- import_rows.cells now holds every staged row as read, so that a row rejected only when the file is checked as a
-- whole (a duplicate, a clash with the register) is shown as the file had it.
ALTER TABLE directory.import_jobs
    ADD COLUMN ignored_columns text[] NOT NULL DEFAULT '{}',
    ADD COLUMN rows_warned integer NOT NULL DEFAULT 0;
ALTER TABLE directory.import_rows ADD COLUMN warnings text[];
