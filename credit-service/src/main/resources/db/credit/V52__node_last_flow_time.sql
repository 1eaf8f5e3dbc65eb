-- The time of the latest flow applied to each node. Every node update of the limit writer requires
-- last_flow_at <= the new flows' time (strictly earlier for optimistic batches, which write their flows before
-- they lock the node) and sets it, so for every node the flows in (occurred_at, flow_seq) order are the flows in
-- the order they were applied: the order replay applies them in. '1000-01-01': no flow yet.
ALTER TABLE limit_node ADD COLUMN last_flow_at DATETIME(6) NOT NULL DEFAULT '1000-01-01 00:00:00';

UPDATE limit_node n
   SET n.last_flow_at = COALESCE((SELECT MAX(f.occurred_at)
                                    FROM credit_flow_entry e JOIN credit_flow f ON f.flow_seq = e.flow_seq
                                   WHERE e.node_id = n.node_id), '1000-01-01 00:00:00');
