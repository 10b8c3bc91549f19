# expect-none: DT1004
FROM debian:12
ADD https://github.com/moby/buildkit.git#v0.15.0 /src
ADD vendor.tar.gz /opt/vendor/
