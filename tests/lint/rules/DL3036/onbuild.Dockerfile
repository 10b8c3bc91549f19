# expect: DL3036:3
FROM opensuse/leap:15.6
ONBUILD RUN zypper in -y git=2.43
