"""The public self-check page ``/cek``: a customer's arrears and today's offer, from a phone.

- ``form``: what the customer typed, checked (digits, lengths, no control characters);
- ``lookup``: the answer for a connection number and the meter's last four digits — the
  same answer, after the same work, for an unknown number and a wrong second factor;
- ``limits``: tries per client address and per connection number;
- ``page``: the routes and the server-rendered page (no script, no CDN).
"""
