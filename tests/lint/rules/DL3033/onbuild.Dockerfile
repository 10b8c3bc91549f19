# expect: DL3033:3
FROM centos:7
ONBUILD RUN yum install -y httpd && yum clean all
