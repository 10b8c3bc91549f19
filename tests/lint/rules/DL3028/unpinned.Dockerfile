# expect: DL3028:3
FROM ruby:3.3
RUN gem install bundler
