# expect: SC2154:7 SC3010:9
FROM debian:12
# hadolint ignore=SC2086
RUN echo $HOME
SHELL ["/bin/bash", "-c"]
# hadolint ignore=SC2086
RUN echo $unset_name
FROM debian:12
RUN if [[ -f /etc/os-release ]]; then echo yes; fi
