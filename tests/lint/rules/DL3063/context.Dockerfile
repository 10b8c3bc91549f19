# expect: DL3063:2
FROM debian:12 AS context
