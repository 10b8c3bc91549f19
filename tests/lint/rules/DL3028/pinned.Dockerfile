# expect-none: DL3028
FROM ruby:3.3
RUN gem install bundler:2.5.6 && gem install rails -v 7.1.3
