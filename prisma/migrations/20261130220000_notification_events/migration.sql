-- Live unread counts: whenever a user's notifications may have changed, tell the API processes
-- listening on "notification_unread" whose (the payload is the user's id). Triggers, so that every
-- writer of notifications and annotations is heard without calling anything. Within a transaction
-- PostgreSQL sends one message per distinct payload, so a bulk change is one message per user.

-- A notification arrived, was read or went away.
CREATE FUNCTION notification_unread_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('notification_unread', COALESCE(NEW."userId", OLD."userId")::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Notification_unread_changed"
  AFTER INSERT OR DELETE OR UPDATE OF "readAt" ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION notification_unread_changed();

-- An annotation was hidden, deleted, moved to another audience or restored: the notifications on
-- it, and on its thread's replies, may have become visible or invisible to their recipients.
CREATE FUNCTION notification_annotation_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('notification_unread', recipient::text)
  FROM (
    SELECT DISTINCT n."userId" AS recipient
    FROM "Notification" n
    JOIN "Annotation" a ON a.id = n."annotationId"
    WHERE a.id = NEW.id OR a."rootId" = NEW.id
  ) recipients;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Annotation_notification_visibility_changed"
  AFTER UPDATE ON "Annotation"
  FOR EACH ROW
  WHEN (OLD."hiddenAt" IS DISTINCT FROM NEW."hiddenAt"
     OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
     OR OLD."visibility" IS DISTINCT FROM NEW."visibility"
     OR OLD."groupId" IS DISTINCT FROM NEW."groupId")
  EXECUTE FUNCTION notification_annotation_changed();
