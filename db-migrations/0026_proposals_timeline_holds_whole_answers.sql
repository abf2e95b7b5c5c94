-- A handler's answer (up to 10,000 characters) is also its step's note on the timeline, which held 4,000.
ALTER TABLE proposals.timeline DROP CONSTRAINT timeline_note_check;
ALTER TABLE proposals.timeline ADD CONSTRAINT timeline_note_check CHECK (length(note) <= 10000);
