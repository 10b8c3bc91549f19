# expect-none: SCxxxx SC2154 SC2086
ARG release
FROM debian:12
ARG version=1.0
ENV app_home=/srv/app
RUN echo "$version $app_home $http_proxy"
