# expect: DL3007:2
FROM debian:latest
