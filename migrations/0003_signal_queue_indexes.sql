-- Indexes for the focal officer's work queue, from the benchmark at 1,000,000 signals (bench/README.md):
-- the default page (sorted by deadline) reads an index in order instead of the municipality's whole
-- history, and the open signals (a few percent of all) have indexes of their own.
create index signals_queue_due on signals (municipality_id, due_at, received_at, id);
create index signals_open_received on signals (municipality_id, received_at desc) where status <> 'closed';
create index signals_open_due on signals (municipality_id, due_at, received_at) where status <> 'closed';
