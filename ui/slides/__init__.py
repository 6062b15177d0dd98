"""The guided tour's steps, one module a page: each builds its steps' slides from that page's figure model."""
