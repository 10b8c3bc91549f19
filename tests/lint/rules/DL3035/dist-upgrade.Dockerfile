# expect: DL3035:3
FROM opensuse/leap:15.6
RUN zypper -n dist-upgrade
