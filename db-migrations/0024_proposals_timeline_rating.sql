-- The proposer's rating is a field of its timeline step, no longer the head of the step's note ("unsatisfied: 设备仍未更换"):
-- each rated or reopened step's packed note is split into the rating and the comment that followed it (none when there
-- was none). A note that does not start with a rating is left as it was.
ALTER TABLE proposals.timeline ADD COLUMN rating text CHECK (rating IN ('satisfied', 'basicallySatisfied', 'unsatisfied'));

UPDATE proposals.timeline
SET rating = substring(note FROM '^(satisfied|basicallySatisfied|unsatisfied)'),
    note = substring(note FROM '^(?:satisfied|basicallySatisfied|unsatisfied)(?:: (.*))?$')
WHERE action IN ('rated', 'reopened') AND note ~ '^(satisfied|basicallySatisfied|unsatisfied)(: .+)?$';
