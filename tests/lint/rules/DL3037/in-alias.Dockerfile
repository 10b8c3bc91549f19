# expect: DL3037:3
FROM opensuse/leap:15.6
RUN zypper in -y git && zypper clean
