-- Up Migration
-- A person's named queue filters. `query` is the normalised queue query string
-- ("?type=SPARE_MISMATCH&assignee=me", or '' for the unfiltered queue): a view is its link.
CREATE TABLE variance_dashboard.saved_views (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Views are personal settings: they go with their owner.
    owner_user_id UUID NOT NULL REFERENCES variance_dashboard.users(id) ON DELETE CASCADE,
    name          VARCHAR(80) NOT NULL CHECK (btrim(name) <> ''),
    query         TEXT NOT NULL CHECK (query = '' OR query LIKE '?%'),
    is_default    BOOLEAN NOT NULL DEFAULT false,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    UNIQUE (owner_user_id, name)
);
-- At most one default view per person; the queue opens on it.
CREATE UNIQUE INDEX saved_views_one_default_per_owner ON variance_dashboard.saved_views (owner_user_id) WHERE is_default;

-- Down Migration
DROP TABLE variance_dashboard.saved_views;
