-- An import is checked and merged in the background, after the upload that started it: the language of that upload's
-- request (its Accept-Language) is kept with the job, so that the reasons for rejected rows and for a failed job are
-- said in it. Jobs from before spoke English.
ALTER TABLE directory.import_jobs ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-CN'));
