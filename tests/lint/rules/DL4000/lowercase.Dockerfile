# expect: DL4000:3
FROM debian:12
maintainer me
